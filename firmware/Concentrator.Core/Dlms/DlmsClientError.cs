using Concentrator.Core.Obis;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Details of the last failure of a DLMS client call, reused (recording a failure allocates nothing: the check is
    /// a constant string); <see cref="ToString"/> builds the message at the edge.
    /// </summary>
    public sealed class DlmsClientError
    {
        /// <summary>The check of a plain Data-Access-Result refusal.</summary>
        public const string AttributeRefused = "data-access-result success";

        public DlmsClientStatus Kind;

        /// <summary>The check that failed, in the standard's words ("block number in sequence").</summary>
        public string Check = string.Empty;

        /// <summary>The attribute concerned, when there is one.</summary>
        public bool HasAttribute;
        public CosemAttributeDescriptor Attribute;

        public DataAccessResult Result;
        public ApduTransportStatus TransportStatus;

        /// <summary>The transport's own message (its LastError) for <see cref="DlmsClientStatus.TransportFailed"/>.</summary>
        public string Transport = string.Empty;

        /// <summary>Values for "expected … got …" messages.</summary>
        public long Expected;
        public long Actual;

        /// <summary>For AARE rejections and service errors: result/diagnostic or state/service error codes.</summary>
        public AssociationResponse Rejection;
        public byte StateError;
        public byte ServiceError;
        public bool ConfirmedServiceError;

        internal void Clear()
        {
            Kind = DlmsClientStatus.Ok;
            Check = string.Empty;
            HasAttribute = false;
            Result = DataAccessResult.Success;
            TransportStatus = ApduTransportStatus.Ok;
            Transport = string.Empty;
            Expected = 0;
            Actual = 0;
            Rejection = null;
        }

        /// <summary>Takes every detail of <paramref name="other"/> (to keep a failure across a later call that resets the error).</summary>
        internal void CopyFrom(DlmsClientError other)
        {
            Kind = other.Kind;
            Check = other.Check;
            HasAttribute = other.HasAttribute;
            Attribute = other.Attribute;
            Result = other.Result;
            TransportStatus = other.TransportStatus;
            Transport = other.Transport;
            Expected = other.Expected;
            Actual = other.Actual;
            Rejection = other.Rejection;
            StateError = other.StateError;
            ServiceError = other.ServiceError;
            ConfirmedServiceError = other.ConfirmedServiceError;
        }

        internal DlmsClientStatus Set(DlmsClientStatus kind, string check)
        {
            Kind = kind;
            Check = check;
            return kind;
        }

        internal DlmsClientStatus Set(DlmsClientStatus kind, string check, long expected, long actual)
        {
            Kind = kind;
            Check = check;
            Expected = expected;
            Actual = actual;
            return kind;
        }

        internal void SetAttribute(CosemAttributeDescriptor attribute)
        {
            HasAttribute = true;
            Attribute = attribute;
        }

        private string AttributeText()
        {
            if (!HasAttribute)
            {
                return string.Empty;
            }

            ObisCode obis = Attribute.LogicalName;
            return " [class " + Attribute.ClassId.ToString() + " " + obis.ToString() + " attribute " + Attribute.Attribute.ToString() + "]";
        }

        public override string ToString()
        {
            switch (Kind)
            {
                case DlmsClientStatus.Ok:
                    return "ok";
                case DlmsClientStatus.TransportFailed:
                    return "transport failed (" + TransportStatus.ToString() + "): " + Transport + AttributeText();
                case DlmsClientStatus.AssociationRejected:
                    return "association rejected: " + (Rejection != null ? Rejection.Describe() : Check);
                case DlmsClientStatus.NotAssociated:
                    return "not associated: " + Check;
                case DlmsClientStatus.AssociationLost:
                    return "association lost: " + Check + AttributeText();
                case DlmsClientStatus.DataAccessError:
                    return "meter refused the attribute: data-access-result " + DlmsNames.DataAccessResult((int)Result) + " (" + ((int)Result).ToString() + ")" +
                           (Check == AttributeRefused ? string.Empty : ", " + Check) + AttributeText();
                case DlmsClientStatus.ServiceError:
                    return ConfirmedServiceError
                        ? "confirmed-service-error: choice " + StateError.ToString() + ", service-error value " + ServiceError.ToString() + AttributeText()
                        : "exception-response: state-error " + DlmsNames.ExceptionStateError(StateError) + ", service-error " + DlmsNames.ExceptionServiceError(ServiceError) + AttributeText();
                case DlmsClientStatus.BudgetExhausted:
                    return "read budget of " + Expected.ToString() + " ms used up after " + Actual.ToString() + " request(s); " + Check;
                case DlmsClientStatus.BlockTransferFailed:
                case DlmsClientStatus.UnexpectedResponse:
                case DlmsClientStatus.BufferTooSmall:
                case DlmsClientStatus.CapacityExceeded:
                case DlmsClientStatus.UnexpectedType:
                    return Describe(Kind) + ": " + Check + " (expected " + Expected.ToString() + ", got " + Actual.ToString() + ")" + AttributeText();
                default:
                    return Describe(Kind) + ": " + Check + AttributeText();
            }
        }

        private static string Describe(DlmsClientStatus kind)
        {
            switch (kind)
            {
                case DlmsClientStatus.MalformedResponse: return "malformed response";
                case DlmsClientStatus.UnexpectedResponse: return "unexpected response";
                case DlmsClientStatus.BlockTransferFailed: return "block transfer failed";
                case DlmsClientStatus.BufferTooSmall: return "response too large";
                case DlmsClientStatus.UnexpectedType: return "unexpected value type";
                case DlmsClientStatus.CapacityExceeded: return "capacity exceeded";
                default: return kind.ToString();
            }
        }
    }
}
