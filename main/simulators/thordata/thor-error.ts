/** A documented Thordata business error (vendor file §5.1): answered as HTTP 200 `{code, data: {}, msg}`. */
export class ThorError extends Error {
  constructor(
    readonly code: number,
    msg: string,
  ) {
    super(msg);
  }
}
