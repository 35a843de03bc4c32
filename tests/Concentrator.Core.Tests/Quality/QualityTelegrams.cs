using Concentrator.Core.Checksums;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Quality
{
    /// <summary>DSMR 4.2 telegrams with chosen values (CRC computed), decoded by the real decoder.</summary>
    public static class QualityTelegrams
    {
        /// <summary>Meter time as YYMMDDhhmmssX (X: W winter +01:00, S summer +02:00); values as DSMR writes them.</summary>
        public static string Body(string meterTime, string energy, string voltage, string power, string gasTime)
        {
            return "/XMX5LGBBFG1009325446\r\n\r\n" +
                   "1-3:0.2.8(42)\r\n" +
                   "0-0:1.0.0(" + meterTime + ")\r\n" +
                   "1-0:1.8.1(" + energy + "*kWh)\r\n" +
                   "1-0:1.7.0(" + power + "*kW)\r\n" +
                   "1-0:32.7.0(" + voltage + "*V)\r\n" +
                   "1-0:14.7.0(49.98*Hz)\r\n" +
                   "1-0:32.32.0(00999)\r\n" +
                   "0-1:24.2.1(" + gasTime + ")(01091.352*m3)\r\n" +
                   "!";
        }

        /// <summary>Decodes into <paramref name="decoder"/> and returns its set.</summary>
        public static ReadingSet Decode(DsmrTelegramDecoder decoder, string body)
        {
            byte[] bytes = Ascii.Bytes(body);
            string crc = Crc16.Arc(bytes, 0, bytes.Length).ToString("X4");
            byte[] data = Ascii.Bytes(body + crc + "\r\n");
            int position = 0;
            DsmrStatus status = DsmrFeed.Next(decoder, data, ref position, data.Length);
            if (status != DsmrStatus.TelegramReady)
            {
                throw new System.InvalidOperationException("test telegram does not decode: " + decoder.LastError.ToString());
            }

            return decoder.Readings;
        }

        public static ReadingSet Normal(DsmrTelegramDecoder decoder, string meterTime, string energy)
        {
            return Decode(decoder, Body(meterTime, energy, "230.1", "01.193", "261121100000W"));
        }
    }
}
