namespace Concentrator.Core.Dlms
{
    /// <summary>First byte of the xDLMS / ACSE APDUs this client speaks (Green Book 9.5, IEC 62056-5-3 8.x).</summary>
    public enum DlmsApduTag : byte
    {
        InitiateRequest = 0x01,
        InitiateResponse = 0x08,
        ConfirmedServiceError = 0x0E,
        Aarq = 0x60,
        Aare = 0x61,
        Rlrq = 0x62,
        Rlre = 0x63,
        GetRequest = 0xC0,
        SetRequest = 0xC1,
        ActionRequest = 0xC3,
        GetResponse = 0xC4,
        SetResponse = 0xC5,
        ActionResponse = 0xC7,
        ExceptionResponse = 0xD8,
    }
}
