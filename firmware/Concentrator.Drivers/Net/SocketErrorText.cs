using System;
using System.Net.Sockets;

namespace Concentrator.Drivers.Net
{
    /// <summary>Words for the error codes a nanoFramework <see cref="SocketException"/> carries (Winsock numbering, <see cref="SocketError"/>).</summary>
    public static class SocketErrorText
    {
        public static string Of(int errorCode)
        {
            switch ((SocketError)errorCode)
            {
                case SocketError.ConnectionRefused:
                    return "connection refused (nothing listens on that port)";
                case SocketError.ConnectionReset:
                    return "connection reset by the peer";
                case SocketError.ConnectionAborted:
                    return "connection aborted";
                case SocketError.TimedOut:
                    return "timed out";
                case SocketError.HostUnreachable:
                case SocketError.HostDown:
                    return "host unreachable";
                case SocketError.NetworkUnreachable:
                case SocketError.NetworkDown:
                    return "network unreachable (no Wi-Fi/Ethernet link?)";
                case SocketError.HostNotFound:
                case SocketError.NoData:
                    return "host name not found";
                case SocketError.TryAgain:
                    return "name server did not answer";
                case SocketError.NotConnected:
                case SocketError.Shutdown:
                case SocketError.Disconnecting:
                    return "not connected";
                case SocketError.TooManyOpenSockets:
                case SocketError.NoBufferSpaceAvailable:
                    return "the network stack is out of sockets or buffers";
                default:
                    return "socket error " + errorCode.ToString();
            }
        }

        /// <summary>True when the code is a timeout (a slow or silent peer) rather than a lost connection.</summary>
        public static bool IsTimeout(int errorCode)
        {
            return errorCode == (int)SocketError.TimedOut || errorCode == (int)SocketError.WouldBlock;
        }

        /// <summary>A short text for any exception a socket call threw.</summary>
        public static string Describe(Exception ex)
        {
            SocketException socket = ex as SocketException;
            return socket != null ? Of(socket.ErrorCode) : Diagnostics.ExceptionText.Describe(ex);
        }
    }
}
