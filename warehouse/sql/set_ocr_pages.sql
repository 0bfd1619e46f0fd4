-- The pages whose tables were read from images by OCR (empty for a text document).
UPDATE dim_document SET ocr_pages = $ocr_pages::INTEGER[] WHERE document_id = $document_id;
