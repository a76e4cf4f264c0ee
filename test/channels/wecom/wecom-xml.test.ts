/** Reading WeCom's callback XML: the envelope, each message kind, events, and what is refused. */
import { describe, expect, it } from "vitest";
import { CallbackXmlError, readCallback, readEnvelope } from "../../../src/channels/wecom/wecom-xml.js";
import { eventXml, locationXml, sealedCallback, textXml, voiceXml } from "./wecom-side.js";

describe("WeCom callback XML", () => {
  it("finds the ciphertext in the envelope", () => {
    const { body } = sealedCallback("<xml/>");
    expect(readEnvelope(body)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(() => readEnvelope("<xml><ToUserName>x</ToUserName></xml>")).toThrow(CallbackXmlError);
    expect(() => readEnvelope("not xml")).toThrow(CallbackXmlError);
    expect(() => readEnvelope("<xml><Encrypt>a</Encrypt></Encrypt2></xml>")).toThrow(CallbackXmlError);
  });

  it("reads a text message, keeping its 64-bit MsgId and its text exactly", () => {
    const xml = textXml("linzhiqiang", " 王记 软中华断货 & <红塔山> ", "7302123456789012345", "1764000000");
    expect(readCallback(xml)).toEqual({
      type: "text",
      from: "linzhiqiang",
      createTime: "1764000000",
      receivedAt: new Date(1_764_000_000_000),
      agentId: "1000002",
      msgId: "7302123456789012345",
      text: " 王记 软中华断货 & <红塔山> ",
    });
  });

  it("reads voice notes and locations as attachments", () => {
    expect(readCallback(voiceXml("u1", "1"))).toMatchObject({
      type: "attachment",
      msgId: "1",
      attachment: { kind: "voice", mediaId: "media_voice_1", format: "amr" },
    });
    expect(readCallback(locationXml("u1", "2"))).toMatchObject({
      type: "attachment",
      attachment: { kind: "location", lat: 25.01913, lng: 116.95139, label: "龙岩市新罗区登高西路80号" },
    });
    const video = textXml("u1", "", "3").replace("<![CDATA[text]]>", "<![CDATA[video]]>");
    expect(readCallback(video)).toMatchObject({ type: "attachment", attachment: { kind: "other", type: "video" } });
  });

  it("reads events with their key, card task and response code", () => {
    expect(
      readCallback(
        eventXml("u1", "template_card_event", {
          eventKey: '["王记小卖部","王记小卖部"]',
          taskId: "fm_1",
          responseCode: "rc",
          at: "1764000001",
        }),
      ),
    ).toMatchObject({
      type: "event",
      event: "template_card_event",
      eventKey: '["王记小卖部","王记小卖部"]',
      taskId: "fm_1",
      responseCode: "rc",
      createTime: "1764000001",
    });
    expect(readCallback(eventXml("u1", "enter_agent", { eventKey: "" }))).toMatchObject({
      type: "event",
      event: "enter_agent",
      eventKey: null,
    });
  });

  it("refuses what WeCom does not send: no sender, no MsgId, a repeated field", () => {
    expect(() => readCallback(textXml("", "hi"))).toThrow(CallbackXmlError);
    expect(() => readCallback(textXml("u1", "hi").replace(/<MsgId>\d+<\/MsgId>/, ""))).toThrow(/without MsgId/);
    expect(() => readCallback(textXml("u1", "hi").replace("<Content>", "<Content>a</Content><Content>"))).toThrow(
      CallbackXmlError,
    );
  });
});
