import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvFormatError, parseCsv } from "../../src/roster/csv.js";
import { decodeText, detectEncoding } from "../../src/roster/text-encoding.js";

describe("parseCsv", () => {
  it("gives each record the line it starts on, across quoted line breaks, blank lines and CRLF", () => {
    const table = parseCsv(
      '\uFEFFid,name,note\r\nA,王记,"one\r\ntwo"\r\n\r\nB,"Joe\'s, Austin",\r\nC,"李""强""超市"\r\n',
    );
    expect(table.header).toEqual(["id", "name", "note"]);
    expect(table.records).toEqual([
      { line: 2, values: { id: "A", name: "王记", note: "one\ntwo" } },
      { line: 5, values: { id: "B", name: "Joe's, Austin", note: "" } },
      { line: 6, values: { id: "C", name: '李"强"超市', note: "" } },
    ]);
  });

  it("reports an unclosed quote on the line it opens, whether it runs to the end or into a later quote", () => {
    const toEnd = 'id,name\nA,a\n\nB,"b\nC,c\n';
    const intoLater = 'id,name,address\nA,"a,x\nB,b,y\nC,c,"1 Main St, Austin"\n';
    for (const [text, line] of [
      [toEnd, 4],
      [intoLater, 2],
    ] as const) {
      const error = (() => {
        try {
          parseCsv(text);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CsvFormatError);
      expect((error as CsvFormatError).line).toBe(line);
      expect((error as CsvFormatError).reason).toMatch(/quote opened in this row/);
    }
  });

  it("refuses a quote inside a cell that does not open with one, naming its line", () => {
    expect(() => parseCsv('id,name\nA,a\nC,李"强"超市\n')).toThrow(/^line 3: /);
  });

  it("reads tab- and semicolon-separated text by its header line", () => {
    expect(parseCsv("id\tname\n1\t李强\n").records[0]?.values).toEqual({ id: "1", name: "李强" });
    expect(parseCsv("id;name\n1;Joe\n").records[0]?.values).toEqual({ id: "1", name: "Joe" });
  });
});

describe("decodeText", () => {
  const text = "id,name,role\nM01,林志强,manager\n";
  it.each([
    ["utf8", Buffer.from(text)],
    ["utf8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["gb18030", iconv.encode(text, "gbk")],
    ["utf16le", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")])],
    ["utf16le", iconv.encode(text, "utf16le")],
    ["utf16be", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16be")])],
  ])("reads %s", (encoding, bytes) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });

  it("refuses a forced encoding the bytes are not in, and an unknown one", () => {
    expect(() => decodeText(iconv.encode(text, "gbk"), "utf8")).toThrow(/cannot be read as utf8/);
    expect(() => decodeText(Buffer.from(text), "klingon")).toThrow(/unknown encoding/);
  });
});
