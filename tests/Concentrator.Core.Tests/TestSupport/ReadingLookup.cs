using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Tests.TestSupport
{
    /// <summary>Finds readings by OBIS code and reads their text and unit: shared by the tests of every protocol.</summary>
    public static class ReadingLookup
    {
        /// <summary>The <paramref name="occurrence"/>-th reading (0-based) with this OBIS code, or null.</summary>
        public static Reading Find(ReadingSet set, string obis, int occurrence)
        {
            ObisCode code;
            if (!ObisCode.TryParse(obis, out code))
            {
                throw new System.ArgumentException("bad OBIS in test: " + obis);
            }

            for (int i = 0; i < set.Count; i++)
            {
                if (set[i].Obis == code)
                {
                    if (occurrence == 0)
                    {
                        return set[i];
                    }

                    occurrence--;
                }
            }

            return null;
        }

        public static string Text(ReadingSet set, Reading reading)
        {
            return set.GetText(reading.TextStart, reading.TextLength);
        }

        public static string Unit(ReadingSet set, Reading reading)
        {
            return set.GetText(reading.UnitStart, reading.UnitLength);
        }
    }
}
