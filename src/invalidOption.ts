/** A bad option or constraint given to the library: the caller's mistake, named with its value (CLI exit 2). */
export class InvalidOptionError extends TypeError {
  override name = 'InvalidOptionError';
}
