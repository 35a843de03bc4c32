namespace Concentrator.Core.Mqtt
{
    /// <summary>
    /// Executes one text command (<c>MCP INFO PWD=…</c> and the rest) from any channel and writes the reply text.
    /// The MQTT command topic hands commands over through <see cref="CommandTopicBridge"/>.
    /// </summary>
    public interface ICommandHandler
    {
        /// <summary>Runs <paramref name="text"/> and writes the reply as UTF-8 into <paramref name="reply"/>; returns its length.</summary>
        int Handle(string text, byte[] reply);
    }
}
