using System.Text;
using Concentrator.Core.Dlms;
using Concentrator.Core.Json;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Cli.Decoding;

/// <summary>
/// Bare xDLMS/ACSE APDUs (as carried inside HDLC I-frames after the LLC header, or after the wrapper header), one
/// after another: AARQ, AARE, RLRQ, RLRE, GET-Request normal/next/with-list, GET-Response normal/with-datablock/
/// with-list, ExceptionResponse. Each APDU's extent is found from its own encoding, then Core's parsers check it;
/// one JSON line per APDU. A failure names the check and its byte offset; decoding stops there, since bare APDUs
/// have no frame marker to resynchronise on.
/// </summary>
public sealed class DlmsFrameDecoder : IFrameDecoder
{
    public const string ProtocolName = "dlms";

    private readonly AssociationRequest _aarq = new();
    private readonly AssociationResponse _aare = new();
    private readonly GetRequestParser _request = new(256);
    private readonly GetResponseParser _response = new(256);
    private readonly AxdrReader _reader = new();
    private readonly byte[] _scratch = new byte[64];
    private readonly List<byte> _pending = new();

    public void Feed(byte[] data, int offset, int count, DecodeOutput output)
    {
        for (int i = 0; i < count; i++)
        {
            _pending.Add(data[offset + i]);
        }
    }

    public void Finish(DecodeOutput output)
    {
        byte[] input = _pending.ToArray();
        _pending.Clear();
        int position = 0;
        while (position < input.Length)
        {
            string? error = ApduLength(input, position, out int length);
            if (error == null)
            {
                error = Decode(input, position, length, output);
            }

            if (error != null)
            {
                JsonWriter json = output.BeginResult();
                json.StartObject();
                json.Property("protocol", ProtocolName);
                json.Name("ok");
                json.Boolean(false);
                json.Property("error", "APDU at byte " + position + " (" + Name(input[position]) + "): " + error +
                                       (input.Length - position > 0 ? "; " + (input.Length - position) + " bytes left undecoded" : string.Empty));
                json.EndObject();
                output.EndResult(false, ProtocolName);
                return;
            }

            position += length;
        }
    }

    private static string Name(byte tag) => (DlmsApduTag)tag switch
    {
        DlmsApduTag.Aarq => "AARQ",
        DlmsApduTag.Aare => "AARE",
        DlmsApduTag.Rlrq => "RLRQ",
        DlmsApduTag.Rlre => "RLRE",
        DlmsApduTag.GetRequest => "GET-Request",
        DlmsApduTag.GetResponse => "GET-Response",
        DlmsApduTag.ExceptionResponse => "ExceptionResponse",
        DlmsApduTag.ConfirmedServiceError => "ConfirmedServiceError",
        _ => "tag 0x" + tag.ToString("X2"),
    };

    // The extent of the APDU at p, from its own encoding; null when found.
    private string? ApduLength(byte[] b, int p, out int length)
    {
        length = 0;
        int end = b.Length;
        int q = p;
        switch ((DlmsApduTag)b[p])
        {
            case DlmsApduTag.Aarq:
            case DlmsApduTag.Aare:
            case DlmsApduTag.Rlrq:
            case DlmsApduTag.Rlre:
                q++;
                if (!AxdrReader.TryReadLength(b, ref q, end, out int body))
                {
                    return "BER length field";
                }

                if (body > end - q)
                {
                    return "content of " + body + " bytes present (only " + (end - q) + " left)";
                }

                length = q + body - p;
                return null;
            case DlmsApduTag.ExceptionResponse:
                length = 3;
                return end - p >= 3 ? null : "ExceptionResponse has state-error and service-error";
            case DlmsApduTag.ConfirmedServiceError:
                length = 4;
                return end - p >= 4 ? null : "ConfirmedServiceError has choice, kind and value";
            case DlmsApduTag.GetRequest:
                return GetRequestLength(b, p, out length);
            case DlmsApduTag.GetResponse:
                return GetResponseLength(b, p, out length);
            default:
                return "first byte is a known APDU tag (AARQ 60, AARE 61, RLRQ 62, RLRE 63, GET-Request C0, GET-Response C4, ExceptionResponse D8)";
        }
    }

    private string? SkipData(byte[] b, ref int q, string what)
    {
        _reader.Reset(b, q, b.Length - q);
        AxdrStatus status = _reader.Skip();
        if (status != AxdrStatus.Ok)
        {
            return what + ": " + GetResponseParser.AxdrCheck(status) + " at byte " + _reader.ValueOffset;
        }

        q = _reader.Position;
        return null;
    }

    // Normal carries one item; with-list states its count.
    private static bool ItemCount(byte[] b, int p, ref int q, out int items)
    {
        items = 1;
        return b[p + 1] != GetApdu.WithList || AxdrReader.TryReadLength(b, ref q, b.Length, out items);
    }

    private string? GetRequestLength(byte[] b, int p, out int length)
    {
        length = 0;
        int end = b.Length;
        if (end - p < 3)
        {
            return "GET-Request has choice and invoke-id";
        }

        int q = p + 3;
        switch (b[p + 1])
        {
            case GetApdu.Normal:
            case GetApdu.WithList:
                if (!ItemCount(b, p, ref q, out int items))
                {
                    return "with-list item count";
                }

                for (int i = 0; i < items; i++)
                {
                    if (end - q < 10)
                    {
                        return "cosem-attribute-descriptor (9 bytes) and access-selection flag";
                    }

                    q += 9;
                    if (b[q++] == 1)
                    {
                        q++; // selector
                        string? error = SkipData(b, ref q, "access-parameters");
                        if (error != null)
                        {
                            return error;
                        }
                    }
                }

                break;
            case GetApdu.Next:
                q += 4;
                break;
            default:
                return "GET-Request choice is 1 (normal), 2 (next) or 3 (with-list)";
        }

        if (q > end)
        {
            return "GET-Request complete";
        }

        length = q - p;
        return null;
    }

    private string? GetResponseLength(byte[] b, int p, out int length)
    {
        length = 0;
        int end = b.Length;
        if (end - p < 4)
        {
            return "GET-Response has choice, invoke-id and result";
        }

        int q = p + 3;
        switch (b[p + 1])
        {
            case GetApdu.Normal:
            case GetApdu.WithList:
                if (!ItemCount(b, p, ref q, out int items))
                {
                    return "with-list item count";
                }

                for (int i = 0; i < items; i++)
                {
                    if (q >= end)
                    {
                        return "Get-Data-Result present";
                    }

                    if (b[q] == 1)
                    {
                        q += 2;
                        continue;
                    }

                    q++;
                    string? error = SkipData(b, ref q, "data");
                    if (error != null)
                    {
                        return error;
                    }
                }

                break;
            case GetApdu.Next:
                q += 5;
                if (q >= end)
                {
                    return "DataBlock-G has last-block, block-number and result";
                }

                if (b[q] == 0)
                {
                    q++;
                    if (!AxdrReader.TryReadLength(b, ref q, end, out int raw))
                    {
                        return "raw-data length";
                    }

                    q += raw;
                }
                else
                {
                    q += 2;
                }

                break;
            default:
                return "GET-Response choice is 1 (normal), 2 (with-datablock) or 3 (with-list)";
        }

        if (q > end)
        {
            return "GET-Response complete (it needs " + (q - end) + " more bytes)";
        }

        length = q - p;
        return null;
    }

    private string? Decode(byte[] b, int p, int length, DecodeOutput output)
    {
        JsonWriter json = output.BeginResult();
        json.StartObject();
        json.Property("protocol", ProtocolName);
        json.Name("ok");
        json.Boolean(true);
        string? error;
        switch ((DlmsApduTag)b[p])
        {
            case DlmsApduTag.Aarq:
                error = WriteAarq(json, b, p, length);
                break;
            case DlmsApduTag.Aare:
                error = WriteAare(json, b, p, length);
                break;
            case DlmsApduTag.Rlrq:
            case DlmsApduTag.Rlre:
                int reason = GetApdu.ParseRelease(b, p, length, (DlmsApduTag)b[p]);
                error = reason < -1 ? "release APDU fields (tag, length, reason [0])" : null;
                json.Property("apdu", b[p] == (byte)DlmsApduTag.Rlrq ? "rlrq" : "rlre");
                if (reason >= 0)
                {
                    json.Property("reason", reason switch { 0 => "normal", 1 => "urgent", 30 => "user-defined", _ => reason.ToString() });
                }

                break;
            case DlmsApduTag.GetRequest:
                error = WriteGetRequest(json, b, p, length);
                break;
            default:
                error = WriteGetResponse(json, b, p, length);
                break;
        }

        if (error != null)
        {
            return error;
        }

        json.EndObject();
        output.EndResult(true, ProtocolName);
        return null;
    }

    private string? WriteAarq(JsonWriter json, byte[] b, int p, int length)
    {
        if (_aarq.Parse(b, p, length) != DlmsApduStatus.Ok)
        {
            return _aarq.LastCheck;
        }

        json.Property("apdu", "aarq");
        json.Property("application_context", _aarq.LogicalNameContext ? "logical-name" : _aarq.CipheredContext ? "logical-name-ciphered" : "other");
        json.Property("authentication", _aarq.UnsupportedMechanism ? "other" : _aarq.Authentication == DlmsAuthentication.Low ? "low" : "none");
        if (_aarq.Authentication == DlmsAuthentication.Low)
        {
            json.Name("password_length"); // the password itself is never printed
            json.Number(_aarq.PasswordLength);
        }

        if (_aarq.HasInitiateRequest)
        {
            json.Name("dlms_version");
            json.Number(_aarq.DlmsVersion);
            WriteConformance(json, _aarq.ProposedConformance);
            json.Name("max_pdu_size");
            json.Number(_aarq.MaxReceivePduSize);
        }

        return null;
    }

    private string? WriteAare(JsonWriter json, byte[] b, int p, int length)
    {
        if (_aare.Parse(b, p, length) != DlmsApduStatus.Ok)
        {
            return _aare.LastCheck;
        }

        json.Property("apdu", "aare");
        json.Property("result", DlmsNames.AssociationResult(_aare.Result));
        json.Property("diagnostic_source", _aare.DiagnosticFromProvider ? "acse-service-provider" : "acse-service-user");
        json.Property("diagnostic", _aare.DiagnosticFromProvider ? DlmsNames.AcseServiceProvider(_aare.Diagnostic) : DlmsNames.AcseServiceUser(_aare.Diagnostic));
        if (_aare.HasInitiateResponse)
        {
            json.Name("dlms_version");
            json.Number(_aare.DlmsVersion);
            WriteConformance(json, _aare.NegotiatedConformance);
            json.Name("max_pdu_size");
            json.Number(_aare.ServerMaxReceivePduSize);
        }

        if (_aare.HasServiceError)
        {
            json.Property("initiate_error", _aare.ServiceErrorKind == 6 ? DlmsNames.InitiateError(_aare.ServiceErrorValue) : "service-error " + _aare.ServiceErrorKind + "/" + _aare.ServiceErrorValue);
        }

        return null;
    }

    private static void WriteConformance(JsonWriter json, uint conformance)
    {
        json.Name("conformance");
        json.StartArray();
        for (int bit = 23; bit >= 0; bit--)
        {
            if ((conformance & (1u << bit)) != 0)
            {
                json.String(Conformance.Name(1u << bit));
            }
        }

        json.EndArray();
    }

    private void WriteAttribute(JsonWriter json, CosemAttributeDescriptor attribute)
    {
        json.Name("class_id");
        json.Number(attribute.ClassId);
        json.Name("obis");
        json.String(_scratch, 0, attribute.LogicalName.FormatTo(_scratch, 0));
        json.Name("attribute");
        json.Number(attribute.Attribute);
    }

    private string? WriteGetRequest(JsonWriter json, byte[] b, int p, int length)
    {
        if (_request.Parse(b, p, length) != DlmsApduStatus.Ok)
        {
            return _request.LastCheck;
        }

        json.Property("apdu", "get-request");
        json.Property("type", _request.Choice switch { GetApdu.Normal => "normal", GetApdu.Next => "next", _ => "with-list" });
        json.Name("invoke_id");
        json.Number(_request.InvokeIdAndPriority & 0x0F);
        if (_request.Choice == GetApdu.Next)
        {
            json.Name("block_number");
            json.Number(_request.BlockNumber);
            return null;
        }

        if (_request.Choice == GetApdu.Normal)
        {
            WriteAttribute(json, _request.Attribute);
            return WriteAccess(json, b, p + length, _request.Selector, _request.AccessStart);
        }

        json.Name("attributes");
        json.StartArray();
        for (int i = 0; i < _request.Count; i++)
        {
            json.StartObject();
            WriteAttribute(json, _request.Item(i));
            string? error = WriteAccess(json, b, p + length, _request.ItemSelector(i), _request.ItemAccessStart(i));
            if (error != null)
            {
                return error;
            }

            json.EndObject();
        }

        json.EndArray();
        return null;
    }

    private string? WriteAccess(JsonWriter json, byte[] b, int end, byte selector, int start)
    {
        if (selector == 0)
        {
            return null;
        }

        _reader.Reset(b, start, end - start);
        string? error = SelectiveAccess.Read(_reader, selector, out SelectiveAccess access);
        if (error != null)
        {
            return error;
        }

        json.Name("selective_access");
        json.StartObject();
        if (selector == SelectiveAccess.ByRangeSelector)
        {
            json.Property("selector", "range");
            json.Name("restricting_obis");
            json.String(_scratch, 0, access.RestrictingLogicalName.FormatTo(_scratch, 0));
            WriteDateTime(json, "from", access.From);
            WriteDateTime(json, "to", access.To);
        }
        else
        {
            json.Property("selector", "entry");
            json.Name("from_entry");
            json.Number(access.FromEntry);
            json.Name("to_entry");
            json.Number(access.ToEntry);
            json.Name("from_column");
            json.Number(access.FromColumn);
            json.Name("to_column");
            json.Number(access.ToColumn);
        }

        json.EndObject();
        return null;
    }

    private void WriteDateTime(JsonWriter json, string name, CosemDateTime value)
    {
        json.Name(name);
        if (value.TryGetMeterTime(out MeterTime time))
        {
            json.String(_scratch, 0, time.FormatIso8601(_scratch, 0));
        }
        else
        {
            int n = value.WriteTo(_scratch, 0);
            json.String(Convert.ToHexString(_scratch, 0, n));
        }
    }

    private string? WriteGetResponse(JsonWriter json, byte[] b, int p, int length)
    {
        if (_response.Parse(b, p, length) != DlmsApduStatus.Ok)
        {
            return _response.LastCheck;
        }

        switch (_response.Kind)
        {
            case GetResponseKind.Exception:
                json.Property("apdu", "exception-response");
                json.Property("state_error", DlmsNames.ExceptionStateError(_response.StateError));
                json.Property("service_error", DlmsNames.ExceptionServiceError(_response.ServiceError));
                return null;
            case GetResponseKind.ConfirmedServiceError:
                json.Property("apdu", "confirmed-service-error");
                json.Name("choice");
                json.Number(_response.ServiceErrorChoice);
                json.Name("service_error");
                json.Number(_response.StateError);
                json.Name("value");
                json.Number(_response.ServiceError);
                return null;
        }

        json.Property("apdu", "get-response");
        json.Property("type", _response.Kind switch { GetResponseKind.Normal => "normal", GetResponseKind.WithDatablock => "with-datablock", _ => "with-list" });
        json.Name("invoke_id");
        json.Number(_response.InvokeIdAndPriority & 0x0F);
        switch (_response.Kind)
        {
            case GetResponseKind.Normal:
                return WriteResult(json, b, _response.IsData, _response.DataStart, _response.DataLength, _response.Result);
            case GetResponseKind.WithDatablock:
                json.Name("last_block");
                json.Boolean(_response.LastBlock);
                json.Name("block_number");
                json.Number(_response.BlockNumber);
                if (_response.IsData)
                {
                    json.Name("raw_data_length");
                    json.Number(_response.DataLength);
                    json.Property("raw_data", Convert.ToHexString(b, _response.DataStart, _response.DataLength));
                }
                else
                {
                    json.Property("data_access_result", DlmsNames.DataAccessResult((int)_response.Result));
                }

                return null;
            default:
                json.Name("results");
                json.StartArray();
                for (int i = 0; i < _response.Count; i++)
                {
                    json.StartObject();
                    string? error = WriteResult(json, b, _response.ItemIsData(i), _response.ItemStart(i), _response.ItemLength(i), _response.ItemResult(i));
                    if (error != null)
                    {
                        return error;
                    }

                    json.EndObject();
                }

                json.EndArray();
                return null;
        }
    }

    private string? WriteResult(JsonWriter json, byte[] b, bool isData, int start, int length, DataAccessResult result)
    {
        if (!isData)
        {
            json.Property("data_access_result", DlmsNames.DataAccessResult((int)result));
            return null;
        }

        json.Name("data");
        _reader.Reset(b, start, length);
        return WriteData(json, 0);
    }

    /// <summary>One A-XDR value as {"type":…,"value":…}; containers as "value":[…].</summary>
    private string? WriteData(JsonWriter json, int depth)
    {
        if (depth > 16)
        {
            return "A-XDR nesting within 16 levels";
        }

        AxdrStatus status = _reader.Read();
        if (status != AxdrStatus.Ok)
        {
            return GetResponseParser.AxdrCheck(status) + " at byte " + _reader.ValueOffset;
        }

        json.StartObject();
        json.Property("type", TypeName(_reader.Tag));
        json.Name("value");
        byte[] b = _reader.Buffer;
        switch (_reader.Tag)
        {
            case AxdrTag.NullData:
                json.Null();
                break;
            case AxdrTag.Array:
            case AxdrTag.Structure:
            case AxdrTag.CompactArray:
                int count = _reader.Count;
                json.StartArray();
                for (int i = 0; i < count; i++)
                {
                    string? error = WriteData(json, depth + 1);
                    if (error != null)
                    {
                        return error;
                    }
                }

                json.EndArray();
                break;
            case AxdrTag.Boolean:
                json.Boolean(_reader.Integer != 0);
                break;
            case AxdrTag.VisibleString:
                json.String(b, _reader.ValueStart, _reader.ValueLength);
                break;
            case AxdrTag.Utf8String:
                json.String(Encoding.UTF8.GetString(b, _reader.ValueStart, _reader.ValueLength));
                break;
            case AxdrTag.OctetString:
            case AxdrTag.BitString:
                json.String(Convert.ToHexString(b, _reader.ValueStart, _reader.ValueLength));
                if (_reader.Tag == AxdrTag.OctetString && _reader.ValueLength == 6)
                {
                    json.Name("obis");
                    json.String(_scratch, 0, new ObisCode(b[_reader.ValueStart], b[_reader.ValueStart + 1], b[_reader.ValueStart + 2], b[_reader.ValueStart + 3], b[_reader.ValueStart + 4], b[_reader.ValueStart + 5]).FormatTo(_scratch, 0));
                }
                else if (_reader.Tag == AxdrTag.OctetString && _reader.ValueLength == CosemDateTime.Length &&
                         CosemDateTime.Parse(b, _reader.ValueStart).TryGetMeterTime(out MeterTime stamp))
                {
                    json.Name("date_time");
                    json.String(_scratch, 0, stamp.FormatIso8601(_scratch, 0));
                }
                else if (_reader.Tag == AxdrTag.BitString)
                {
                    json.Name("bits");
                    json.Number(_reader.Count);
                }

                break;
            case AxdrTag.Float32:
            case AxdrTag.Float64:
                if (CosemValueConverter.ToDecimal(_reader.Real, _reader.Tag == AxdrTag.Float32 ? 7 : 15, out long mantissa, out int exponent))
                {
                    json.Number(mantissa, exponent);
                }
                else
                {
                    json.String(_reader.Real.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                break;
            case AxdrTag.DateTime:
            case AxdrTag.Date:
            case AxdrTag.Time:
                if (_reader.Tag == AxdrTag.DateTime && _reader.DateTime.TryGetMeterTime(out MeterTime time))
                {
                    json.String(_scratch, 0, time.FormatIso8601(_scratch, 0));
                }
                else
                {
                    json.String(Convert.ToHexString(b, _reader.ValueStart, _reader.ValueLength));
                }

                break;
            case AxdrTag.Long64Unsigned:
                if (_reader.IsInteger)
                {
                    json.Number(_reader.Integer);
                }
                else
                {
                    json.String(_reader.Unsigned64.ToString(System.Globalization.CultureInfo.InvariantCulture)); // beyond a signed 64-bit number
                }

                break;
            default:
                json.Number(_reader.Integer);
                break;
        }

        json.EndObject();
        return null;
    }

    private static string TypeName(AxdrTag tag) => tag switch
    {
        AxdrTag.NullData => "null-data",
        AxdrTag.Array => "array",
        AxdrTag.Structure => "structure",
        AxdrTag.Boolean => "boolean",
        AxdrTag.BitString => "bit-string",
        AxdrTag.DoubleLong => "double-long",
        AxdrTag.DoubleLongUnsigned => "double-long-unsigned",
        AxdrTag.OctetString => "octet-string",
        AxdrTag.VisibleString => "visible-string",
        AxdrTag.Utf8String => "utf8-string",
        AxdrTag.Bcd => "bcd",
        AxdrTag.Integer => "integer",
        AxdrTag.Long => "long",
        AxdrTag.Unsigned => "unsigned",
        AxdrTag.LongUnsigned => "long-unsigned",
        AxdrTag.CompactArray => "compact-array",
        AxdrTag.Long64 => "long64",
        AxdrTag.Long64Unsigned => "long64-unsigned",
        AxdrTag.Enum => "enum",
        AxdrTag.Float32 => "float32",
        AxdrTag.Float64 => "float64",
        AxdrTag.DateTime => "date-time",
        AxdrTag.Date => "date",
        AxdrTag.Time => "time",
        _ => "unknown",
    };
}
