namespace Concentrator.Core.Commands
{
    /// <summary>
    /// Takes one text command from a channel (GSM modem SMS, MQTT command topic, console) and answers it with exactly
    /// one reply. Channels call it from one thread at a time.
    /// </summary>
    public interface ICommandHandler
    {
        void Handle(string text, ICommandReply reply);
    }
}
