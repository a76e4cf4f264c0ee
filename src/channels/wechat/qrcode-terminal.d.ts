// qrcode-terminal ships no types; this is the one function we use.
declare module "qrcode-terminal" {
  interface Options {
    small?: boolean;
  }
  const qrcodeTerminal: {
    generate(input: string, options?: Options, callback?: (qrcode: string) => void): void;
  };
  export default qrcodeTerminal;
}
