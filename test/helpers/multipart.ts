/** One part of a multipart/form-data body: a file when it has a file name. */
export interface FormPart {
  field: string;
  content: string;
  fileName?: string;
  type?: string;
}

const BOUNDARY = 'trainyardboundary';

/** A multipart/form-data body and the content type that names its boundary. */
export function multipartBody(parts: FormPart[]): { body: string; headers: Record<string, string> } {
  const lines = parts.flatMap(({ field, content, fileName, type }) => [
    `--${BOUNDARY}`,
    `Content-Disposition: form-data; name="${field}"${fileName === undefined ? '' : `; filename="${fileName}"`}`,
    ...(type ? [`Content-Type: ${type}`] : []),
    '',
    content,
  ]);
  return { body: [...lines, `--${BOUNDARY}--`, ''].join('\r\n'), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}
