namespace Concentrator.App.Network
{
    /// <summary>The board's way onto the network (Wi-Fi or wired Ethernet), as the MQTT loop uses it.</summary>
    public interface INetworkConnection
    {
        /// <summary>True after a successful <see cref="Join"/>, until <see cref="MarkSuspect"/>.</summary>
        bool IsJoined { get; }

        /// <summary>One bounded attempt to get onto the network with an address.</summary>
        bool Join();

        /// <summary>The broker stays unreachable: join again before the next broker attempt.</summary>
        void MarkSuspect();
    }
}
