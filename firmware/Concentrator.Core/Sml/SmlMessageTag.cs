namespace Concentrator.Core.Sml
{
    /// <summary>Message body tags (SML 1.04 §7.1): the choice that says what an SML_Message carries.</summary>
    public static class SmlMessageTag
    {
        public const uint OpenRequest = 0x00000100;
        public const uint OpenResponse = 0x00000101;
        public const uint CloseRequest = 0x00000200;
        public const uint CloseResponse = 0x00000201;
        public const uint GetProfilePackRequest = 0x00000300;
        public const uint GetProfilePackResponse = 0x00000301;
        public const uint GetProfileListRequest = 0x00000400;
        public const uint GetProfileListResponse = 0x00000401;
        public const uint GetProcParameterRequest = 0x00000500;
        public const uint GetProcParameterResponse = 0x00000501;
        public const uint SetProcParameterRequest = 0x00000600;
        public const uint GetListRequest = 0x00000700;
        public const uint GetListResponse = 0x00000701;
        public const uint AttentionResponse = 0x0000FF01;
    }
}
