namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// The baud characters of IEC 62056-21: mode C/E '0'..'6' = 300 … 19200, mode B 'A'..'F' = 600 … 19200.
    /// </summary>
    public static class IecBaudRates
    {
        /// <summary>Sign-on rate of every mode except D.</summary>
        public const int SignOn = 300;

        /// <summary>The fixed rate of most mode D meters.</summary>
        public const int ModeD = 2400;

        /// <summary>Baud of a mode C/E character '0'..'6', or 0.</summary>
        public static int FromModeCCharacter(byte character)
        {
            return character >= (byte)'0' && character <= (byte)'6' ? 300 << (character - (byte)'0') : 0;
        }

        /// <summary>Baud of a mode B character 'A'..'F', or 0.</summary>
        public static int FromModeBCharacter(byte character)
        {
            return character >= (byte)'A' && character <= (byte)'F' ? 600 << (character - (byte)'A') : 0;
        }

        /// <summary>The mode C character ('0'..'6') for a baud, or 0 when the baud has none.</summary>
        public static byte ModeCCharacter(int baud)
        {
            for (int i = 0; i <= 6; i++)
            {
                if (300 << i == baud)
                {
                    return (byte)('0' + i);
                }
            }

            return 0;
        }

        /// <summary>The highest standard rate (300 × 2^n, up to 19200) that is at most <paramref name="limit"/>; 300 at least.</summary>
        public static int HighestAtMost(int limit)
        {
            int baud = 300;
            while (baud < 19200 && baud * 2 <= limit)
            {
                baud *= 2;
            }

            return baud;
        }

        /// <summary>The next lower standard rate (one step down the fallback ladder), or 0 below 600.</summary>
        public static int StepDown(int baud)
        {
            return baud <= 300 ? 0 : HighestAtMost(baud - 1);
        }
    }
}
