namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// DLMS/COSEM unit codes (IEC 62056-62, the "unit" enumeration of the Register class), which COSEM Register scaler_unit structures and SML list entries
    /// carry as an unsigned8, as ASCII text: 30 = "Wh", 27 = "W", 35 = "V". Characters outside ASCII are spelled
    /// out ("degC", "Ohm"). Codes the table lacks have no text; the reading then carries no unit.
    /// </summary>
    public static class DlmsUnit
    {
        private static readonly string[] Names =
        {
            null, "a", "mo", "wk", "d", "h", "min", "s", "deg", "degC", // 0..9
            "currency", "m", "m/s", "m3", "m3", "m3/h", "m3/h", "m3/d", "m3/d", "l", // 10..19 (14, 16, 18: corrected volume)
            "kg", "N", "Nm", "Pa", "bar", "J", "J/h", "W", "VA", "var", // 20..29
            "Wh", "VAh", "varh", "A", "C", "V", "V/m", "F", "Ohm", "Ohm m2/m", // 30..39
            "Wb", "T", "A/m", "H", "Hz", "1/(Wh)", "1/(varh)", "1/(VAh)", "V2h", "A2h", // 40..49
            "kg/s", "S", "K", "1/(V2h)", "1/(A2h)", "1/m3", "%", "Ah", null, null, // 50..59
            "Wh/m3", "J/m3", "mol%", "g/m3", "Pa s", "J/kg", "g/cm2", "atm", null, null, // 60..69
            "dBm", "dBuV", "dB", // 70..72
        };

        /// <summary>The unit's text, or null when the code has none (0, 253 reserved, 254 other, 255 count, unknown codes).</summary>
        public static string Name(int code)
        {
            if (code < 0 || code >= Names.Length)
            {
                return null;
            }

            return Names[code];
        }
    }
}
