namespace Concentrator.Core.Modem
{
    /// <summary>Timeouts and policy of the <see cref="GsmSmsChannel"/>.</summary>
    public sealed class GsmModemOptions
    {
        /// <summary>Longest wait for the final result of an ordinary AT command.</summary>
        public int CommandTimeoutMilliseconds = 5000;

        /// <summary>Longest wait for the "&gt; " prompt of AT+CMGS.</summary>
        public int PromptTimeoutMilliseconds = 5000;

        /// <summary>Longest wait for +CMGS after the text (27.005 leaves it to the network; modules document up to 120 s).</summary>
        public int SendTimeoutMilliseconds = 120000;

        /// <summary>Longest line kept (an SMS header with addresses and 160 characters of text fit easily).</summary>
        public int LineCapacity = 400;

        /// <summary>
        /// False (the default): a message that does not look like a command (no "MCP" in it: adverts, operator notices)
        /// is deleted without a reply, so the concentrator neither pays for nor reveals itself to every sender.
        /// </summary>
        public bool ReplyToOtherMessages;
    }
}
