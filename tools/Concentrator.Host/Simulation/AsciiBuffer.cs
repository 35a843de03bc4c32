using System;

namespace Concentrator.Host.Simulation;

/// <summary>
/// Builds ASCII text (a telegram) in one byte array allocated once and reused: fixed-width zero-padded numbers,
/// DSMR timestamps, hex-encoded identifiers. Writing past the end is a programming error and throws.
/// </summary>
public sealed class AsciiBuffer
{
    private static readonly long[] PowersOfTen =
    {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000,
    };

    private readonly byte[] _bytes;

    public AsciiBuffer(int capacity)
    {
        _bytes = new byte[capacity];
    }

    public byte[] Bytes => _bytes;

    public int Length { get; set; }

    public void Clear()
    {
        Length = 0;
    }

    public void Append(byte value)
    {
        _bytes[Length++] = value;
    }

    public void Append(char ascii)
    {
        _bytes[Length++] = (byte)ascii;
    }

    /// <summary>Appends an ASCII string (a constant line prefix, an identifier made once).</summary>
    public void Append(string ascii)
    {
        for (int i = 0; i < ascii.Length; i++)
        {
            _bytes[Length++] = (byte)ascii[i];
        }
    }

    public void AppendLineEnd()
    {
        _bytes[Length++] = (byte)'\r';
        _bytes[Length++] = (byte)'\n';
    }

    /// <summary>
    /// The last <paramref name="width"/> decimal digits of a non-negative value, zero-padded (a register that passes
    /// its width rolls over, as a meter's does).
    /// </summary>
    public void AppendDigits(long value, int width)
    {
        if (value < 0 || width < 1 || width >= PowersOfTen.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "digits need a value ≥ 0 and a width of 1 .. 11");
        }

        value %= PowersOfTen[width];
        for (int p = width - 1; p >= 0; p--)
        {
            _bytes[Length + p] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }

        Length += width;
    }

    /// <summary>A fixed-point number from an integer in units of 10^-<paramref name="decimals"/>: (3235689, 6, 3) is "003235.689".</summary>
    public void AppendFixed(long scaled, int integerDigits, int decimals)
    {
        long unit = PowersOfTen[decimals];
        AppendDigits(scaled / unit, integerDigits);
        _bytes[Length++] = (byte)'.';
        AppendDigits(scaled % unit, decimals);
    }

    /// <summary>A DSMR timestamp YYMMDDhhmmssX of a local wall-clock time, X = 'S' in summer time, 'W' otherwise.</summary>
    public void AppendTimestamp(DateTime local, bool summer)
    {
        AppendDigits(local.Year % 100, 2);
        AppendDigits(local.Month, 2);
        AppendDigits(local.Day, 2);
        AppendDigits(local.Hour, 2);
        AppendDigits(local.Minute, 2);
        AppendDigits(local.Second, 2);
        _bytes[Length++] = summer ? (byte)'S' : (byte)'W';
    }

    /// <summary>Each character of an ASCII string as two uppercase hex digits (DSMR equipment identifiers, text messages).</summary>
    public void AppendHexOfAscii(string ascii)
    {
        for (int i = 0; i < ascii.Length; i++)
        {
            AppendHex2((byte)ascii[i]);
        }
    }

    /// <summary>One ASCII character as two uppercase hex digits.</summary>
    public void AppendHexOfAscii(char ascii)
    {
        AppendHex2((byte)ascii);
    }

    /// <summary>Four uppercase hex digits (the DSMR CRC).</summary>
    public void AppendHex4(int value)
    {
        AppendHex2((byte)(value >> 8));
        AppendHex2((byte)value);
    }

    private void AppendHex2(byte value)
    {
        _bytes[Length++] = HexDigit(value >> 4);
        _bytes[Length++] = HexDigit(value);
    }

    private static byte HexDigit(int value)
    {
        value &= 0xF;
        return (byte)(value < 10 ? '0' + value : 'A' + value - 10);
    }
}
