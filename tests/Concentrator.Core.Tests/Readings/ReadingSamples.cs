using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Iec62056;
using Concentrator.Core.Tests.TestSupport;

namespace Concentrator.Core.Tests.Readings
{
    /// <summary>
    /// The realistic reading sets the queue's record size is measured on: a DSMR 4.2 Landis+Gyr E350 telegram (published
    /// vector), a 5-register IEC 62056-21 readout of a bus meter, and a 20-register DLMS/COSEM read (set up as
    /// <c>CosemObjectReader</c> fills it: scaled numbers, DLMS unit names, the meter's clock on the set).
    /// </summary>
    public static class ReadingSamples
    {
        /// <summary>The concentrator's clock for every sample.</summary>
        public static readonly DateTime Received = new DateTime(2026, 11, 21, 20, 15, 3);

        /// <summary>The concentrator's clock when the E350 telegram (sent 2019-09-05 21:40:03 CEST) arrived.</summary>
        public static readonly DateTime E350Received = new DateTime(2019, 9, 5, 19, 40, 4);

        public const string IecFiveRegisters =
            "1.8.0(0012345.678*kWh)\r\n" +
            "1.8.1(0008345.123*kWh)\r\n" +
            "1.8.2(0004000.555*kWh)\r\n" +
            "2.8.0(0000012.000*kWh)\r\n" +
            "1.7.0(0002.584*kW)\r\n" +
            "!\r\n";

        public static ReadingSet DsmrE350()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            int position = 0;
            if (DsmrFeed.Next(decoder, data, ref position, data.Length) != DsmrStatus.TelegramReady)
            {
                throw new InvalidOperationException("the E350 telegram did not decode");
            }

            return decoder.Readings;
        }

        public static ReadingSet IecFive()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.Readout(IecFrames.LandisGyrIdentification, IecFiveRegisters);
            int position = 0;
            if (IecFrames.Next(decoder, data, ref position, data.Length) != IecStatus.IdentificationReady
                || IecFrames.Next(decoder, data, ref position, data.Length) != IecStatus.ReadoutReady)
            {
                throw new InvalidOperationException("the 5-register readout did not decode");
            }

            return decoder.Readings;
        }

        public static ReadingSet DlmsTwenty()
        {
            ReadingSet set = new ReadingSet(24, 512);
            set.Protocol = "dlms";
            set.HasTime = true;
            set.Time = new MeterTime(new DateTime(2026, 11, 21, 21, 15, 0), DaylightSaving.Standard, true, 60);
            Add(set, 1, 0, 1, 8, 0, 12345678, -3, "Wh");
            Add(set, 1, 0, 1, 8, 1, 8345123, -3, "Wh");
            Add(set, 1, 0, 1, 8, 2, 4000555, -3, "Wh");
            Add(set, 1, 0, 2, 8, 0, 12000, -3, "Wh");
            Add(set, 1, 0, 2, 8, 1, 9000, -3, "Wh");
            Add(set, 1, 0, 2, 8, 2, 3000, -3, "Wh");
            Add(set, 1, 0, 3, 8, 0, 345100, -1, "varh");
            Add(set, 1, 0, 4, 8, 0, 1200, -1, "varh");
            Add(set, 1, 0, 1, 7, 0, 2584, 0, "W");
            Add(set, 1, 0, 2, 7, 0, 0, 0, "W");
            Add(set, 1, 0, 32, 7, 0, 2314, -1, "V");
            Add(set, 1, 0, 52, 7, 0, 2309, -1, "V");
            Add(set, 1, 0, 72, 7, 0, 2320, -1, "V");
            Add(set, 1, 0, 31, 7, 0, 123, -2, "A");
            Add(set, 1, 0, 51, 7, 0, 98, -2, "A");
            Add(set, 1, 0, 71, 7, 0, 1102, -2, "A");
            Add(set, 1, 0, 13, 7, 0, 987, -3, null);
            Add(set, 1, 0, 14, 7, 0, 4998, -2, "Hz");
            Add(set, 1, 0, 21, 7, 0, 1204, 0, "W");
            Add(set, 0, 0, 96, 14, 0, 1, 0, null);
            return set;
        }

        public static Reading Add(ReadingSet set, byte a, byte b, byte c, byte d, byte e, long mantissa, int exponent, string unit)
        {
            Reading reading = set.Add();
            reading.Obis = new ObisCode(a, b, c, d, e, 255);
            reading.Kind = ReadingKind.Number;
            reading.Mantissa = mantissa;
            reading.Exponent = (sbyte)exponent;
            if (unit != null)
            {
                reading.UnitLength = unit.Length;
                reading.UnitStart = set.AppendAscii(unit);
            }

            return reading;
        }
    }
}
