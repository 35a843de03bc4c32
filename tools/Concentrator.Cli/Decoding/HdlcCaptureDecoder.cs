using System;
using System.Collections.Generic;
using System.Text;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Json;

namespace Concentrator.Cli.Decoding;

/// <summary>
/// HDLC frames (IEC 62056-46) through Core's <see cref="HdlcFrameDecoder"/>, one JSON line per frame:
/// <c>{"protocol":"hdlc","ok":true,"type":"I","destination":"1/17","source":"16","control":"10","send_sequence":0,
/// "receive_sequence":0,"final":true,"segmented":false,"information":"E6 E6 00 C0 01 …","apdu":"C0 01 …"}</c>.
/// SNRM and UA lines carry their "parameters"; the last frame of a message carries the whole "apdu" (LLC header
/// stripped, segments of the same direction joined, "segments" counting them). Failures name the failed check.
/// </summary>
public sealed class HdlcCaptureDecoder : IFrameDecoder
{
    public const string ProtocolName = "hdlc";

    private readonly HdlcFrameDecoder _decoder = new(HdlcFrameEncoder.MaxLength);
    private readonly Dictionary<string, (List<byte> Bytes, int Segments)> _messages = new();

    public void Feed(byte[] data, int offset, int count, DecodeOutput output)
    {
        int end = offset + count;
        while (true)
        {
            HdlcDecodeStatus status = _decoder.Feed(data, offset, end - offset, out int consumed);
            offset += consumed;
            if (status == HdlcDecodeStatus.NeedMoreData)
            {
                return;
            }

            Report(status, output);
        }
    }

    public void Finish(DecodeOutput output)
    {
        HdlcDecodeStatus status;
        while ((status = _decoder.Finish()) != HdlcDecodeStatus.NeedMoreData)
        {
            Report(status, output);
        }

        foreach (var pair in _messages)
        {
            JsonWriter json = output.BeginResult();
            new ReadingJsonFormatter().WriteFailure(json, ProtocolName, "input ended after " + pair.Value.Segments + " segment(s) of a message " + pair.Key + " without its last segment");
            output.EndResult(false, ProtocolName);
        }

        _messages.Clear();
    }

    private void Report(HdlcDecodeStatus status, DecodeOutput output)
    {
        JsonWriter json = output.BeginResult();
        if (status != HdlcDecodeStatus.FrameReady)
        {
            new ReadingJsonFormatter().WriteFailure(json, ProtocolName, _decoder.DescribeLastFailure());
            output.EndResult(false, ProtocolName);
            return;
        }

        HdlcFrame frame = _decoder.Frame;
        HdlcFrameType type = frame.Type;
        json.StartObject();
        json.Property("protocol", ProtocolName);
        json.Name("ok");
        json.Boolean(true);
        json.Property("type", HdlcControl.Name(type));
        json.Property("destination", frame.Destination.ToString());
        json.Property("source", frame.Source.ToString());
        json.Property("control", frame.Control.ToString("X2"));
        if (type == HdlcFrameType.Information)
        {
            json.Name("send_sequence");
            json.Number(frame.SendSequence);
        }

        if (type == HdlcFrameType.Information || type == HdlcFrameType.ReceiveReady || type == HdlcFrameType.ReceiveNotReady)
        {
            json.Name("receive_sequence");
            json.Number(frame.ReceiveSequence);
        }

        json.Name("final");
        json.Boolean(frame.PollFinal);
        json.Name("segmented");
        json.Boolean(frame.Segmented);
        if (frame.InformationLength > 0)
        {
            json.Property("information", Hex(frame.Buffer, frame.InformationOffset, frame.InformationLength));
        }

        if ((type == HdlcFrameType.SetNormalResponseMode || type == HdlcFrameType.UnnumberedAcknowledge) && frame.InformationLength > 0)
        {
            if (HdlcLinkParameters.TryRead(frame.Buffer, frame.InformationOffset, frame.InformationLength, out HdlcLinkParameters parameters))
            {
                json.Name("parameters");
                json.StartObject();
                json.Name("max_information_transmit");
                json.Number(parameters.MaxInformationTransmit);
                json.Name("max_information_receive");
                json.Number(parameters.MaxInformationReceive);
                json.Name("window_transmit");
                json.Number(parameters.WindowTransmit);
                json.Name("window_receive");
                json.Number(parameters.WindowReceive);
                json.EndObject();
            }
            else
            {
                json.Property("parameters_error", "malformed SNRM/UA parameter block");
            }
        }

        if (type == HdlcFrameType.Information || type == HdlcFrameType.UnnumberedInformation)
        {
            WriteApdu(json, frame);
        }

        json.EndObject();
        output.EndResult(true, ProtocolName);
    }

    // Joins the segments of one direction; on the last one writes the APDU without its LLC header.
    private void WriteApdu(JsonWriter json, HdlcFrame frame)
    {
        string direction = frame.Source + " to " + frame.Destination;
        if (!_messages.TryGetValue(direction, out var message))
        {
            message = (new List<byte>(), 0);
        }

        for (int i = 0; i < frame.InformationLength; i++)
        {
            message.Bytes.Add(frame.Buffer[frame.InformationOffset + i]);
        }

        message.Segments++;
        if (frame.Segmented)
        {
            _messages[direction] = message;
            return;
        }

        _messages.Remove(direction);
        byte[] whole = message.Bytes.ToArray();
        bool llc = whole.Length >= 3 && whole[0] == 0xE6 && (whole[1] == 0xE6 || whole[1] == 0xE7) && whole[2] == 0x00;
        if (llc)
        {
            json.Property("llc", whole[1] == 0xE6 ? "request" : "response");
        }

        json.Property("apdu", Hex(whole, llc ? 3 : 0, whole.Length - (llc ? 3 : 0)));
        if (message.Segments > 1)
        {
            json.Name("segments");
            json.Number(message.Segments);
        }
    }

    private static string Hex(byte[] data, int offset, int count)
    {
        var text = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(data[offset + i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
