namespace Concentrator.Cli.Decoding;

/// <summary>Hex dumps as input: pairs of hex digits, any whitespace (spaces, tabs, line breaks) between or inside them ignored.</summary>
public static class HexText
{
    /// <summary>Converts; on failure <paramref name="error"/> names the offending character and where it is.</summary>
    public static bool TryParse(byte[] text, int length, out byte[] data, out string? error)
    {
        data = new byte[length / 2];
        error = null;
        int count = 0;
        int high = -1;
        int line = 1;
        int column = 0;
        int highLine = 0;
        int highColumn = 0;
        for (int i = 0; i < length; i++)
        {
            byte b = text[i];
            column++;
            if (b == (byte)'\n')
            {
                line++;
                column = 0;
                continue;
            }

            if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\f' || b == (byte)'\v')
            {
                continue;
            }

            int digit = Digit(b);
            if (digit < 0)
            {
                error = "bad hex: " + Describe(b) + " at line " + line + ", column " + column + " is not a hex digit (only 0-9, a-f, A-F and whitespace are allowed)";
                data = System.Array.Empty<byte>();
                return false;
            }

            if (high < 0)
            {
                high = digit;
                highLine = line;
                highColumn = column;
            }
            else
            {
                data[count++] = (byte)((high << 4) | digit);
                high = -1;
            }
        }

        if (high >= 0)
        {
            error = "bad hex: odd number of hex digits (the last one, at line " + highLine + ", column " + highColumn + ", has no partner)";
            data = System.Array.Empty<byte>();
            return false;
        }

        System.Array.Resize(ref data, count);
        return true;
    }

    private static int Digit(byte b)
    {
        if (b >= (byte)'0' && b <= (byte)'9')
        {
            return b - '0';
        }

        if (b >= (byte)'a' && b <= (byte)'f')
        {
            return b - 'a' + 10;
        }

        if (b >= (byte)'A' && b <= (byte)'F')
        {
            return b - 'A' + 10;
        }

        return -1;
    }

    private static string Describe(byte b)
    {
        return b >= 0x21 && b < 0x7F ? "'" + (char)b + "'" : "byte 0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
