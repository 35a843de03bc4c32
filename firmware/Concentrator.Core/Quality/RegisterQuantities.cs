using Concentrator.Core.Obis;

namespace Concentrator.Core.Quality
{
    /// <summary>Sorts OBIS codes into <see cref="RegisterQuantity"/> (IEC 62056-61 value groups C and D).</summary>
    public static class RegisterQuantities
    {
        public static RegisterQuantity Of(ObisCode obis)
        {
            byte c = obis.C;
            byte d = obis.D;
            if (obis.A == 1)
            {
                // IEC 62056-61 electricity: C 1..10, 21..30, 41..50, 61..70 are active/reactive/apparent quantities in
                // total and per phase; D 8/9 are time integrals (energy registers), D 4..7 and 24..27 power (demand, instantaneous, averages).
                bool powerQuantity = (c >= 1 && c <= 10) || (c >= 21 && c <= 30) || (c >= 41 && c <= 50) || (c >= 61 && c <= 70);
                if (powerQuantity && (d == 8 || d == 9))
                {
                    return RegisterQuantity.Energy;
                }

                if (powerQuantity && ((d >= 4 && d <= 7) || (d >= 24 && d <= 27)))
                {
                    return RegisterQuantity.Power;
                }

                // Voltage: C 12 (any phase), 32, 52, 72; D 7 instantaneous, 24 current average (not 32.32 sag counts).
                if ((c == 12 || c == 32 || c == 52 || c == 72) && (d == 7 || d == 24))
                {
                    return RegisterQuantity.Voltage;
                }

                if (c == 14 && (d == 7 || d == 24))
                {
                    return RegisterQuantity.Frequency;
                }

                return RegisterQuantity.Other;
            }

            // DSMR's M-Bus channels: 0-n:24.2.1 (DSMR 4/5) and 0-n:24.3.0 (DSMR 2.2/3) hold the gas or water meter's volume.
            if (obis.A == 0 && c == 24 && (d == 2 || d == 3))
            {
                return RegisterQuantity.Volume;
            }

            return RegisterQuantity.Other;
        }
    }
}
