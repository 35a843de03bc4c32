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
            string name = DlmsUnit.Name(value);
            return name == null ? string.Empty : name; // 0, 253 reserved, 254 other, 255 count: no unit
        }
    }
}
