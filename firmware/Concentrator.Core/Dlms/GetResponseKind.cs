namespace Concentrator.Core.Dlms
{
    /// <summary>What a meter answered to a GET request.</summary>
    public enum GetResponseKind : byte
    {
        None = 0,
        Normal = 1,
        WithDatablock = 2,
        WithList = 3,
        /// <summary>An ExceptionResponse (D8): the meter refused the request as such (not associated, PDU too long …).</summary>
        Exception = 4,
        /// <summary>A ConfirmedServiceError (0E) in place of the GET response.</summary>
        ConfirmedServiceError = 5,
    }
}
