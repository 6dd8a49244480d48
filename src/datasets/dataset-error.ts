/** A data set the service cannot read or use; the message names the column or line at fault. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}
