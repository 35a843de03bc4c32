using Concentrator.Core.Obis;

namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// Derives Home Assistant's sensor metadata from a reading's OBIS code (IEC 62056-61 value groups: A medium,
    /// C quantity, D processing) and the unit the meter sent, so that energy registers land in the energy dashboard:
    /// <list type="bullet">
    /// <item>A = 1 (electricity), D = 8 (time integral: a register) with Wh/kWh/MWh: C 1, 2, 15, 16, 21, 22, 41, 42,
    /// 61, 62 → energy / total_increasing; with varh/kvarh: C 3, 4, 5–8, 23, 24, 43, 44, 63, 64 → reactive energy.</item>
    /// <item>A = 1, D = 7 (instantaneous; also 4 and 5, current and last average): W/kW → power; var/kvar → reactive power;
    /// C 32, 52, 72 with V → voltage; C 31, 51, 71, 91 with A → current; C 14 with Hz → frequency; C 13, 33, 53, 73 →
    /// power factor (no unit).</item>
    /// <item>m³ (sent as m3 or m³): A = 8 or 9 → water; A = 7, or DSMR's M-Bus register 0-n:24.2.x → gas
    /// (a DSMR water meter on the M-Bus looks the same: set it up as water by hand).</item>
    /// </list>
    /// Abstract objects (A = 0, other than gas) are no sensors. A unit that does not match the quantity makes the reading <see cref="HomeAssistantSensorKind.OtherMeasurement"/>:
    /// wrong metadata would be worse than none.
    /// </summary>
    public static class HomeAssistantSensorClass
    {
        public static HomeAssistantSensorKind Classify(ObisCode obis, byte[] text, int unitStart, int unitLength)
        {
            if (unitLength == 0)
            {
                return IsPowerFactor(obis) ? HomeAssistantSensorKind.PowerFactor : HomeAssistantSensorKind.None;
            }

            if (IsUnit(text, unitStart, unitLength, "m3") || IsUnit(text, unitStart, unitLength, "m\u00b3") || IsUtf8CubicMetre(text, unitStart, unitLength))
            {
                if (obis.A == 8 || obis.A == 9)
                {
                    return HomeAssistantSensorKind.Water;
                }

                if (obis.A == 7 || (obis.A == 0 && obis.C == 24 && obis.D == 2))
                {
                    return HomeAssistantSensorKind.Gas;
                }

                return HomeAssistantSensorKind.OtherMeasurement;
            }

            if (obis.A != 1)
            {
                // A = 0: abstract objects (counters of failures, tariff, log durations): not sensors for a dashboard.
                return obis.A == 0 ? HomeAssistantSensorKind.None : HomeAssistantSensorKind.OtherMeasurement;
            }

            int c = obis.C;
            if (obis.D == 8)
            {
                if (IsActive(c) && EnergyUnit(text, unitStart, unitLength) != null)
                {
                    return HomeAssistantSensorKind.Energy;
                }

                if (IsReactive(c) && ReactiveEnergyUnit(text, unitStart, unitLength) != null)
                {
                    return HomeAssistantSensorKind.ReactiveEnergy;
                }

                return HomeAssistantSensorKind.OtherMeasurement;
            }

            if (obis.D != 7 && obis.D != 4 && obis.D != 5)
            {
                return HomeAssistantSensorKind.OtherMeasurement;
            }

            if (IsActive(c) && PowerUnit(text, unitStart, unitLength) != null)
            {
                return HomeAssistantSensorKind.Power;
            }

            if (IsReactive(c) && ReactivePowerUnit(text, unitStart, unitLength) != null)
            {
                return HomeAssistantSensorKind.ReactivePower;
            }

            if ((c == 32 || c == 52 || c == 72 || c == 12) && IsUnit(text, unitStart, unitLength, "V"))
            {
                return HomeAssistantSensorKind.Voltage;
            }

            if ((c == 31 || c == 51 || c == 71 || c == 91 || c == 11) && IsUnit(text, unitStart, unitLength, "A"))
            {
                return HomeAssistantSensorKind.Current;
            }

            if (c == 14 && IsUnit(text, unitStart, unitLength, "Hz"))
            {
                return HomeAssistantSensorKind.Frequency;
            }

            return HomeAssistantSensorKind.OtherMeasurement;
        }

        /// <summary>device_class, or null (no class) for reactive energy, other measurements and none.</summary>
        public static string DeviceClass(HomeAssistantSensorKind kind)
        {
            switch (kind)
            {
                case HomeAssistantSensorKind.Energy: return "energy";
                case HomeAssistantSensorKind.Power: return "power";
                case HomeAssistantSensorKind.Voltage: return "voltage";
                case HomeAssistantSensorKind.Current: return "current";
                case HomeAssistantSensorKind.Frequency: return "frequency";
                case HomeAssistantSensorKind.PowerFactor: return "power_factor";
                case HomeAssistantSensorKind.Gas: return "gas";
                case HomeAssistantSensorKind.Water: return "water";
                case HomeAssistantSensorKind.ReactivePower: return "reactive_power";
                default: return null;
            }
        }

        /// <summary>state_class: total_increasing for registers, measurement for instantaneous values, null for none.</summary>
        public static string StateClass(HomeAssistantSensorKind kind)
        {
            switch (kind)
            {
                case HomeAssistantSensorKind.None: return null;
                case HomeAssistantSensorKind.Energy:
                case HomeAssistantSensorKind.Gas:
                case HomeAssistantSensorKind.Water:
                case HomeAssistantSensorKind.ReactiveEnergy:
                    return "total_increasing";
                default: return "measurement";
            }
        }

        /// <summary>Codes of the units <see cref="Unit"/> returns are 1 to this (0: none); they fit four bits.</summary>
        public const int UnitCodes = 13;

        /// <summary>
        /// The code of a unit <see cref="Unit"/> returns (0 for null), so that a discovery record keeps a byte per sensor,
        /// not a reference; throws for any other text.
        /// </summary>
        public static byte UnitCode(string unit)
        {
            for (int i = 0; i <= UnitCodes; i++)
            {
                if (UnitName((byte)i) == unit)
                {
                    return (byte)i;
                }
            }

            throw new System.ArgumentException("unit " + unit + " is not one of the units discovery announces", "unit");
        }

        /// <summary>The unit of a <see cref="UnitCode"/> code (a switch of literals: no table on the heap).</summary>
        public static string UnitName(byte code)
        {
            switch (code)
            {
                case 1: return "kWh";
                case 2: return "Wh";
                case 3: return "MWh";
                case 4: return "kW";
                case 5: return "W";
                case 6: return "kvarh";
                case 7: return "varh";
                case 8: return "kvar";
                case 9: return "var";
                case 10: return "V";
                case 11: return "A";
                case 12: return "Hz";
                case 13: return "m\u00b3";
                default: return null;
            }
        }

        /// <summary>
        /// unit_of_measurement as Home Assistant spells it for the kind (kWh, W, V, A, Hz, m³, kvarh, var …); null for
        /// a power factor, for none, and for an unknown unit (which <see cref="HomeAssistantDiscoveryFormatter"/> then copies as sent).
        /// </summary>
        public static string Unit(HomeAssistantSensorKind kind, byte[] text, int unitStart, int unitLength)
        {
            switch (kind)
            {
                case HomeAssistantSensorKind.Energy: return EnergyUnit(text, unitStart, unitLength);
                case HomeAssistantSensorKind.Power: return PowerUnit(text, unitStart, unitLength);
                case HomeAssistantSensorKind.ReactiveEnergy: return ReactiveEnergyUnit(text, unitStart, unitLength);
                case HomeAssistantSensorKind.ReactivePower: return ReactivePowerUnit(text, unitStart, unitLength);
                case HomeAssistantSensorKind.Voltage: return "V";
                case HomeAssistantSensorKind.Current: return "A";
                case HomeAssistantSensorKind.Frequency: return "Hz";
                case HomeAssistantSensorKind.Gas:
                case HomeAssistantSensorKind.Water:
                    return "m\u00b3";
                default: return null;
            }
        }

        /// <summary>A readable name for common registers ("Energy import tariff 1", "Voltage L2"); null for others.</summary>
        public static string Name(ObisCode obis, HomeAssistantSensorKind kind)
        {
            int c = obis.C;
            switch (kind)
            {
                case HomeAssistantSensorKind.Energy:
                    string energy = c == 1 || c == 21 || c == 41 || c == 61 || c == 15 ? "Energy import" : c == 2 || c == 22 || c == 42 || c == 62 ? "Energy export" : "Energy";
                    return energy + Phase(c) + (obis.E == 0 ? "" : " tariff " + obis.E.ToString());
                case HomeAssistantSensorKind.Power:
                    return (c == 2 || c == 22 || c == 42 || c == 62 ? "Power export" : "Power import") + Phase(c);
                case HomeAssistantSensorKind.Voltage: return "Voltage" + Phase(c);
                case HomeAssistantSensorKind.Current: return c == 91 ? "Current neutral" : "Current" + Phase(c);
                case HomeAssistantSensorKind.Frequency: return "Frequency";
                case HomeAssistantSensorKind.PowerFactor: return "Power factor" + Phase(c);
                case HomeAssistantSensorKind.Gas: return "Gas";
                case HomeAssistantSensorKind.Water: return "Water";
                default: return null;
            }
        }

        // C 21..40 phase L1, 41..60 L2, 61..80 L3 (IEC 62056-61 value group C).
        private static string Phase(int c)
        {
            return c >= 21 && c <= 40 ? " L1" : c >= 41 && c <= 60 ? " L2" : c >= 61 && c <= 80 ? " L3" : "";
        }

        private static bool IsActive(int c)
        {
            return c == 1 || c == 2 || c == 15 || c == 16 || c == 21 || c == 22 || c == 41 || c == 42 || c == 61 || c == 62;
        }

        private static bool IsReactive(int c)
        {
            return (c >= 3 && c <= 8) || c == 23 || c == 24 || c == 43 || c == 44 || c == 63 || c == 64;
        }

        private static bool IsPowerFactor(ObisCode obis)
        {
            return obis.A == 1 && (obis.C == 13 || obis.C == 33 || obis.C == 53 || obis.C == 73) && (obis.D == 7 || obis.D == 4 || obis.D == 5);
        }

        private static string EnergyUnit(byte[] text, int start, int length)
        {
            return IsUnit(text, start, length, "kWh") ? "kWh" : IsUnit(text, start, length, "Wh") ? "Wh" : IsUnit(text, start, length, "MWh") ? "MWh" : null;
        }

        private static string PowerUnit(byte[] text, int start, int length)
        {
            return IsUnit(text, start, length, "kW") ? "kW" : IsUnit(text, start, length, "W") ? "W" : null;
        }

        private static string ReactiveEnergyUnit(byte[] text, int start, int length)
        {
            return IsUnit(text, start, length, "kvarh") ? "kvarh" : IsUnit(text, start, length, "varh") ? "varh" : null;
        }

        private static string ReactivePowerUnit(byte[] text, int start, int length)
        {
            return IsUnit(text, start, length, "kvar") ? "kvar" : IsUnit(text, start, length, "var") ? "var" : null;
        }

        // ASCII, case-insensitive (IEC 62056-21 meters send "KWH" as often as "kWh").
        private static bool IsUnit(byte[] text, int start, int length, string unit)
        {
            if (length != unit.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                int a = text[start + i];
                int b = unit[i];
                if (a >= 'A' && a <= 'Z')
                {
                    a += 32;
                }

                if (b >= 'A' && b <= 'Z')
                {
                    b += 32;
                }

                if (a != b)
                {
                    return false;
                }
            }

            return true;
        }

        // "m³" in UTF-8: 6D C2 B3.
        private static bool IsUtf8CubicMetre(byte[] text, int start, int length)
        {
            return length == 3 && text[start] == (byte)'m' && text[start + 1] == 0xC2 && text[start + 2] == 0xB3;
        }
    }
}
