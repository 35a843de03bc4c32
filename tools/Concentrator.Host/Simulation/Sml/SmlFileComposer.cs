using System;
using Concentrator.Core.Sml;

namespace Concentrator.Host.Simulation.Sml;

/// <summary>
/// Composes the files a simulated SML meter sends, with Core's <see cref="SmlWriter"/> and <see cref="SmlFileFramer"/>:
/// SML_PublicOpen.Res, SML_GetList.Res (the meter's list 01 00 62 0A FF FF) and SML_PublicClose.Res. The eHZ list:
/// manufacturer, device id, 1.8.0 with its status word, 2.8.0, 16.7.0 and the phase voltages. A signed (E750-style)
/// meter adds a second index and a 48-byte value signature to each energy entry, and a list signature. The
/// signatures are deterministic stand-ins (a hash of id, second index and value), not ECDSA: they exercise the
/// forwarding, which must carry them untouched.
/// </summary>
public sealed class SmlFileComposer
{
    /// <summary>The eHZ's list name (OBIS 1-0:98.10.255*255 as 01 00 62 0A FF FF).</summary>
    public static readonly byte[] ListName = { 0x01, 0x00, 0x62, 0x0A, 0xFF, 0xFF };

    public const int SignatureLength = 48;

    private readonly SmlWriter _writer = new();
    private readonly byte[] _payload = new byte[2048];
    private readonly byte[] _file;
    private readonly byte[] _transaction = new byte[4];
    private readonly byte[] _signature = new byte[SignatureLength];
    private uint _nextTransaction = 0x10000;

    public SmlFileComposer()
    {
        _file = new byte[SmlFileFramer.MaxFramedLength(_payload.Length)];
    }

    public byte[] File => _file;

    /// <summary>Byte offset in <see cref="File"/> where the payload begins (after the start sequence).</summary>
    public const int PayloadOffset = 8;

    /// <summary>
    /// Writes one file; <paramref name="getListTransaction"/> (null for a push) is echoed as the GetList.Res
    /// transaction id. Returns its length.
    /// </summary>
    public int Write(SmlMeterModel meter, SmlCrcVariant crc, byte[]? getListTransaction)
    {
        _writer.Reset(_payload);

        // SML_PublicOpen.Res: codepage, clientId, reqFileId, serverId, refTime, smlVersion.
        NextTransaction();
        _writer.BeginMessage(_transaction, 0, 4, 0, 0, SmlMessageTag.OpenResponse, true);
        _writer.ListHeader(6);
        _writer.Absent();
        _writer.Absent();
        _writer.Octets(_transaction, 0, 4);
        _writer.Octets(meter.ServerId, 0, meter.ServerId.Length);
        _writer.Absent();
        _writer.Absent();
        _writer.EndMessage(crc);

        // SML_GetList.Res: clientId, serverId, listName, actSensorTime, valList, listSignature, actGatewayTime.
        NextTransaction();
        byte[] id = getListTransaction ?? _transaction;
        _writer.BeginMessage(id, 0, id.Length, 1, 0, SmlMessageTag.GetListResponse, true);
        _writer.ListHeader(7);
        _writer.Absent();
        _writer.Octets(meter.ServerId, 0, meter.ServerId.Length);
        _writer.Octets(ListName, 0, ListName.Length);
        _writer.Time(true, meter.SecondIndex);
        _writer.ListHeader(8);
        TextEntry(0x81, 0x81, 0xC7, 0x82, 0x03, meter.Manufacturer);
        OctetsEntry(0x01, 0x00, 0x00, 0x00, 0x09, meter.ServerId);
        EnergyEntry(meter, 0x01, 0x00, 0x01, 0x08, 0x00, meter.ImportTenthWh, 0x00000182);
        EnergyEntry(meter, 0x01, 0x00, 0x02, 0x08, 0x00, meter.ExportTenthWh, 0);
        NumberEntry(0x01, 0x00, 0x10, 0x07, 0x00, 27, 0, meter.PowerW, 4);
        NumberEntry(0x01, 0x00, 0x20, 0x07, 0x00, 35, -1, meter.VoltageTenthV[0], 2);
        NumberEntry(0x01, 0x00, 0x34, 0x07, 0x00, 35, -1, meter.VoltageTenthV[1], 2);
        NumberEntry(0x01, 0x00, 0x48, 0x07, 0x00, 35, -1, meter.VoltageTenthV[2], 2);
        if (meter.Signed)
        {
            FillSignature(meter, meter.SecondIndex, meter.ImportTenthWh ^ meter.ExportTenthWh);
            _writer.Octets(_signature, 0, 16);
        }
        else
        {
            _writer.Absent();
        }

        _writer.Absent();
        _writer.EndMessage(crc);

        // SML_PublicClose.Res: globalSignature.
        NextTransaction();
        _writer.BeginMessage(_transaction, 0, 4, 2, 0, SmlMessageTag.CloseResponse, true);
        _writer.ListHeader(1);
        _writer.Absent();
        _writer.EndMessage(crc);
        if (_writer.Overflowed)
        {
            throw new InvalidOperationException("the simulated SML file does not fit " + _payload.Length + " bytes");
        }

        return SmlFileFramer.Frame(_payload, _writer.Length, _file, 0, crc);
    }

    private void NextTransaction()
    {
        uint n = _nextTransaction++;
        _transaction[0] = (byte)(n >> 24);
        _transaction[1] = (byte)(n >> 16);
        _transaction[2] = (byte)(n >> 8);
        _transaction[3] = (byte)n;
    }

    private void EntryStart(byte a, byte b, byte c, byte d, byte e)
    {
        _writer.ListHeader(7);
        byte[] code = { a, b, c, d, e, 0xFF };
        _writer.Octets(code, 0, 6);
    }

    private void TextEntry(byte a, byte b, byte c, byte d, byte e, string text)
    {
        EntryStart(a, b, c, d, e);
        _writer.Absent();
        _writer.Absent();
        _writer.Absent();
        _writer.Absent();
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(text);
        _writer.Octets(bytes, 0, bytes.Length);
        _writer.Absent();
    }

    private void OctetsEntry(byte a, byte b, byte c, byte d, byte e, byte[] value)
    {
        EntryStart(a, b, c, d, e);
        _writer.Absent();
        _writer.Absent();
        _writer.Absent();
        _writer.Absent();
        _writer.Octets(value, 0, value.Length);
        _writer.Absent();
    }

    private void EnergyEntry(SmlMeterModel meter, byte a, byte b, byte c, byte d, byte e, ulong tenthWh, uint status)
    {
        EntryStart(a, b, c, d, e);
        if (status != 0 || meter.Signed)
        {
            _writer.Unsigned(status, meter.Signed ? 4 : 3);
        }
        else
        {
            _writer.Absent();
        }

        if (meter.Signed)
        {
            _writer.Time(true, meter.SecondIndex);
        }
        else
        {
            _writer.Absent();
        }

        _writer.Unsigned(30, 1); // Wh
        _writer.Signed(-1, 1);
        _writer.Unsigned(tenthWh, 8);
        if (meter.Signed)
        {
            FillSignature(meter, meter.SecondIndex, tenthWh + c);
            _writer.Octets(_signature, 0, SignatureLength);
        }
        else
        {
            _writer.Absent();
        }
    }

    private void NumberEntry(byte a, byte b, byte c, byte d, byte e, byte unit, sbyte scaler, long value, int width)
    {
        EntryStart(a, b, c, d, e);
        _writer.Absent();
        _writer.Absent();
        _writer.Unsigned(unit, 1);
        _writer.Signed(scaler, 1);
        _writer.Signed(value, width);
        _writer.Absent();
    }

    // Stand-in signature bytes: SHA-256 of (server id, second index, value), stretched to 48 bytes.
    private void FillSignature(SmlMeterModel meter, uint secondIndex, ulong value)
    {
        byte[] input = new byte[meter.ServerId.Length + 12];
        meter.ServerId.CopyTo(input, 0);
        BitConverter.TryWriteBytes(input.AsSpan(meter.ServerId.Length), secondIndex);
        BitConverter.TryWriteBytes(input.AsSpan(meter.ServerId.Length + 4), value);
        byte[] first = System.Security.Cryptography.SHA256.HashData(input);
        input[0] ^= 0xFF;
        byte[] second = System.Security.Cryptography.SHA256.HashData(input);
        Array.Copy(first, 0, _signature, 0, 32);
        Array.Copy(second, 0, _signature, 32, 16);
    }
}
