using System;
using System.Threading;

namespace Concentrator.App.Network
{
    /// <summary>
    /// The board's way onto the network (Wi-Fi or wired Ethernet, as its board profile says), as the MQTT loop uses
    /// it: one attempt at a time, each bounded by a cancellation timeout.
    /// </summary>
    public abstract class NetworkConnection
    {
        private readonly int _timeoutMilliseconds;

        protected NetworkConnection(int timeoutSeconds)
        {
            _timeoutMilliseconds = timeoutSeconds * 1000;
        }

        /// <summary>True after a successful <see cref="Join"/>, until <see cref="MarkSuspect"/>.</summary>
        public bool IsJoined { get; private set; }

        /// <summary>"Wi-Fi" or "Ethernet", for the log.</summary>
        protected abstract string Kind { get; }

        /// <summary>One bounded attempt to get onto the network with an address; logs why it failed.</summary>
        public bool Join()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(_timeoutMilliseconds);
            try
            {
                IsJoined = Attempt(timeout.Token);
            }
            catch (Exception ex)
            {
                Log.Warn(Kind + ": " + ex.Message);
                IsJoined = false;
            }
            finally
            {
                timeout.Dispose();
            }

            return IsJoined;
        }

        /// <summary>The network may be gone for good (e.g. a new access point): join again before the next broker attempt.</summary>
        public void MarkSuspect()
        {
            IsJoined = false;
        }

        /// <summary>Signal strength in dBm for INFO/DIAG, or <see cref="Concentrator.Core.Commands.ConcentratorStatus.UnknownSignal"/> (Ethernet: none).</summary>
        public virtual int SignalDbm()
        {
            return Concentrator.Core.Commands.ConcentratorStatus.UnknownSignal;
        }

        /// <summary>The board's IPv4 address ("" while it has none): the first interface with one.</summary>
        public static string LocalAddress()
        {
            try
            {
                System.Net.NetworkInformation.NetworkInterface[] interfaces = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces();
                for (int i = 0; i < interfaces.Length; i++)
                {
                    string address = interfaces[i].IPv4Address;
                    if (address != null && address.Length > 0 && address != "0.0.0.0")
                    {
                        return address;
                    }
                }
            }
            catch (Exception ex)
            {
                Log.Warn("network: address unknown: " + ex.Message);
            }

            return string.Empty;
        }

        /// <summary>The attempt itself: true when the board has an address. Logs the outcome.</summary>
        protected abstract bool Attempt(CancellationToken token);
    }
}
