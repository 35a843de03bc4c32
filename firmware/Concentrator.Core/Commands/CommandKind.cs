namespace Concentrator.Core.Commands
{
    /// <summary>The commands after the <c>MCP</c> header. INFO, CNF and RESET are the 2N MeterCom PRO set; the rest extend it.</summary>
    public enum CommandKind : byte
    {
        Unknown = 0,
        Info = 1,
        Configure = 2,
        Reset = 3,
        Network = 4,
        Mqtt = 5,
        MeterAdd = 6,
        MeterDelete = 7,
        MeterList = 8,
        Poll = 9,
        Diagnostics = 10,
        Capture = 11,
    }
}
