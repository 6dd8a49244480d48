/** A data set the service cannot read or use; the message names the column or line at fault. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** An upload past the configured size limit; it was not kept. */
export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`upload exceeds ${limitBytes} bytes`);
  }
}
