using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Dsmr
{
    /// <summary>Feeds a decoder the way a UART does (in pieces of a chosen size) and finds readings.</summary>
    public static class DsmrFeed
    {
        /// <summary>Feeds from <paramref name="position"/> in pieces of <paramref name="piece"/> bytes until the decoder reports something.</summary>
        public static DsmrStatus Next(DsmrTelegramDecoder decoder, byte[] data, ref int position, int piece)
        {
            while (position < data.Length)
            {
                int count = data.Length - position < piece ? data.Length - position : piece;
                int consumed;
                DsmrStatus status = decoder.Feed(data, position, count, out consumed);
                position += consumed;
                if (status != DsmrStatus.NeedMoreData)
                {
                    return status;
                }
            }

            return DsmrStatus.NeedMoreData;
        }

        public static DsmrTelegramDecoder NewDecoder()
        {
            return new DsmrTelegramDecoder(new DsmrDecoderOptions());
        }

        /// <summary>The <paramref name="occurrence"/>-th reading (0-based) with this OBIS code, or null.</summary>
        public static Reading Find(ReadingSet set, string obis, int occurrence)
        {
            return ReadingLookup.Find(set, obis, occurrence);
        }

        public static Reading Find(ReadingSet set, string obis)
        {
            return ReadingLookup.Find(set, obis, 0);
        }

        public static string TextOf(ReadingSet set, Reading reading)
        {
            return ReadingLookup.Text(set, reading);
        }

        public static string UnitOf(ReadingSet set, Reading reading)
        {
            return ReadingLookup.Unit(set, reading);
        }

        public static string IsoTime(MeterTime time)
        {
            byte[] buffer = new byte[MeterTime.MaxFormattedLength];
            int length = time.FormatIso8601(buffer, 0);
            return Ascii.Text(buffer, 0, length);
        }
    }
}
