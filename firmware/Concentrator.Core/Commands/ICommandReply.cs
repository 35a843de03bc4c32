namespace Concentrator.Core.Commands
{
    /// <summary>Where the reply to a text command goes: the SMS sender, the MQTT reply topic, the console.</summary>
    public interface ICommandReply
    {
        /// <summary>Sends one reply (at most one SMS: 160 GSM 7-bit characters).</summary>
        void Send(string text);
    }
}
