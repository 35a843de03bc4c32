namespace Concentrator.Core.Dlms
{
    /// <summary>The standard's names for result codes, for error messages and decoder output (constant strings).</summary>
    public static class DlmsNames
    {
        public static string DataAccessResult(int value)
        {
            switch (value)
            {
                case 0: return "success";
                case 1: return "hardware-fault";
                case 2: return "temporary-failure";
                case 3: return "read-write-denied";
                case 4: return "object-undefined";
                case 9: return "object-class-inconsistent";
                case 11: return "object-unavailable";
                case 12: return "type-unmatched";
                case 13: return "scope-of-access-violated";
                case 14: return "data-block-unavailable";
                case 15: return "long-get-aborted";
                case 16: return "no-long-get-in-progress";
                case 17: return "long-set-aborted";
                case 18: return "no-long-set-in-progress";
                case 19: return "data-block-number-invalid";
                case 250: return "other-reason";
                default: return "unknown data-access-result";
            }
        }

        /// <summary>Association-result of an AARE (0 accepted, 1 rejected-permanent, 2 rejected-transient).</summary>
        public static string AssociationResult(int value)
        {
            switch (value)
            {
                case 0: return "accepted";
                case 1: return "rejected-permanent";
                case 2: return "rejected-transient";
                default: return "unknown association-result";
            }
        }

        /// <summary>acse-service-user diagnostic of an AARE.</summary>
        public static string AcseServiceUser(int value)
        {
            switch (value)
            {
                case 0: return "null";
                case 1: return "no-reason-given";
                case 2: return "application-context-name-not-supported";
                case 3: return "calling-AP-title-not-recognized";
                case 4: return "calling-AP-invocation-identifier-not-recognized";
                case 5: return "calling-AE-qualifier-not-recognized";
                case 6: return "calling-AE-invocation-identifier-not-recognized";
                case 7: return "called-AP-title-not-recognized";
                case 8: return "called-AP-invocation-identifier-not-recognized";
                case 9: return "called-AE-qualifier-not-recognized";
                case 10: return "called-AE-invocation-identifier-not-recognized";
                case 11: return "authentication-mechanism-name-not-recognised";
                case 12: return "authentication-mechanism-name-required";
                case 13: return "authentication-failure";
                case 14: return "authentication-required";
                default: return "unknown acse-service-user diagnostic";
            }
        }

        /// <summary>acse-service-provider diagnostic of an AARE.</summary>
        public static string AcseServiceProvider(int value)
        {
            switch (value)
            {
                case 0: return "null";
                case 1: return "no-reason-given";
                case 2: return "no-common-acse-version";
                default: return "unknown acse-service-provider diagnostic";
            }
        }

        /// <summary>The initiate ServiceError carried in a ConfirmedServiceError of an AARE.</summary>
        public static string InitiateError(int value)
        {
            switch (value)
            {
                case 0: return "other";
                case 1: return "dlms-version-too-low";
                case 2: return "incompatible-conformance";
                case 3: return "pdu-size-too-short";
                case 4: return "refused-by-the-VDE-Handler";
                default: return "unknown initiate error";
            }
        }

        /// <summary>state-error of an ExceptionResponse.</summary>
        public static string ExceptionStateError(int value)
        {
            switch (value)
            {
                case 1: return "service-not-allowed";
                case 2: return "service-unknown";
                default: return "unknown state-error";
            }
        }

        /// <summary>service-error of an ExceptionResponse.</summary>
        public static string ExceptionServiceError(int value)
        {
            switch (value)
            {
                case 0: return "operation-not-possible";
                case 1: return "service-not-supported";
                case 2: return "other-reason";
                case 3: return "pdu-too-long";
                case 4: return "deciphering-error";
                case 5: return "invocation-counter-error";
                default: return "unknown service-error";
            }
        }

        /// <summary>The unit enumeration of Register scaler_unit (Blue Book 4.3.2, table "Enumerated values for physical units"), as text.</summary>
        public static string Unit(int value)
        {
            switch (value)
            {
                case 1: return "a";
                case 2: return "mo";
                case 3: return "wk";
                case 4: return "d";
                case 5: return "h";
                case 6: return "min";
                case 7: return "s";
                case 8: return "deg";
                case 9: return "degC";
                case 10: return "currency";
                case 11: return "m";
                case 12: return "m/s";
                case 13: return "m3";
                case 14: return "m3";
                case 15: return "m3/h";
                case 16: return "m3/h";
                case 17: return "m3/d";
                case 18: return "m3/d";
                case 19: return "l";
                case 20: return "kg";
                case 21: return "N";
                case 22: return "Nm";
                case 23: return "Pa";
                case 24: return "bar";
                case 25: return "J";
                case 26: return "J/h";
                case 27: return "W";
                case 28: return "VA";
                case 29: return "var";
                case 30: return "Wh";
                case 31: return "VAh";
                case 32: return "varh";
                case 33: return "A";
                case 34: return "C";
                case 35: return "V";
                case 36: return "V/m";
                case 37: return "F";
                case 38: return "Ohm";
                case 39: return "Ohm m2/m";
                case 40: return "Wb";
                case 41: return "T";
                case 42: return "A/m";
                case 43: return "H";
                case 44: return "Hz";
                case 45: return "1/(Wh)";
                case 46: return "1/(varh)";
                case 47: return "1/(VAh)";
                case 48: return "V2h";
                case 49: return "A2h";
                case 50: return "kg/s";
                case 51: return "S";
                case 52: return "K";
                case 53: return "1/(V2h)";
                case 54: return "1/(A2h)";
                case 55: return "1/m3";
                case 56: return "%";
                case 57: return "Ah";
                case 60: return "Wh/m3";
                case 61: return "J/m3";
                case 62: return "Mol %";
                case 63: return "g/m3";
                case 64: return "Pa s";
                case 65: return "J/kg";
                case 70: return "dBm";
                case 71: return "dBuV";
                case 72: return "dB";
                default: return string.Empty; // 253 reserved, 254 other, 255 count: no unit
            }
        }
    }
}
