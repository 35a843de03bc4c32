using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Wrapper;
using Concentrator.Host.Simulation.Dlms;

namespace Concentrator.Host.Simulation.Hdlc;

/// <summary>
/// Simulated DLMS meters behind the TCP wrapper (IEC 62056-47, normally port 4059): each request's destination wPort
/// picks the meter (logical device), whose answer goes back with the ports swapped. A request to an unknown wPort, or
/// with a version other than 1, gets no answer. Faults: <see cref="HdlcFaultKind.Silence"/> (no answer) and
/// <see cref="HdlcFaultKind.DropAssociation"/> (the connection is closed); the other kinds are HDLC-only and ignored.
/// </summary>
public sealed class SimulatedWrapperServer : SimulatedTcpServer
{
    private readonly Dictionary<int, IApduHandler> _handlers = new();
    private readonly object _lock = new();
    private long _requests;

    public SimulatedWrapperServer()
        : base("DLMS wrapper")
    {
    }

    public HdlcFaultPlan Faults { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Serves a meter (logical device) at this wPort.</summary>
    public void AddMeter(int wPort, IApduHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _handlers.Add(wPort, handler);
        }
    }

    protected override string Serve(int id, Socket socket, CancellationToken token)
    {
        byte[] header = new byte[WrapperTransport.HeaderLength];
        byte[] request = new byte[0xFFFF];
        byte[] response = new byte[WrapperTransport.HeaderLength + ApduHandlerLimits.MaxResponseLength];
        lock (_lock)
        {
            foreach (IApduHandler handler in _handlers.Values)
            {
                handler.Reset();
            }
        }

        while (!token.IsCancellationRequested)
        {
            if (!ReceiveExactly(socket, header, WrapperTransport.HeaderLength, token))
            {
                return "closed by the client";
            }

            int version = (header[0] << 8) | header[1];
            int source = (header[2] << 8) | header[3];
            int destination = (header[4] << 8) | header[5];
            int length = (header[6] << 8) | header[7];
            if (!ReceiveExactly(socket, request, length, token))
            {
                return "closed by the client";
            }

            IApduHandler? meter;
            lock (_lock)
            {
                _handlers.TryGetValue(destination, out meter);
            }

            if (version != WrapperTransport.Version || meter is null)
            {
                Report("DLMS wrapper: request version " + version + " to wPort " + destination + " left unanswered");
                continue;
            }

            Interlocked.Increment(ref _requests);
            int answer;
            lock (_lock)
            {
                answer = meter.Handle(request, 0, length, response, WrapperTransport.HeaderLength);
            }

            HdlcFaultKind fault = Faults.Next();
            if (fault == HdlcFaultKind.DropAssociation)
            {
                return "closed (simulated association drop)";
            }

            if (answer < 0 || fault == HdlcFaultKind.Silence)
            {
                continue;
            }

            WrapperTransport.WriteHeader(response, destination, source, answer);
            socket.Send(response, 0, WrapperTransport.HeaderLength + answer, SocketFlags.None);
        }

        return "closed";
    }

    private static bool ReceiveExactly(Socket socket, byte[] buffer, int count, CancellationToken token)
    {
        int got = 0;
        while (got < count)
        {
            if (token.IsCancellationRequested)
            {
                return false;
            }

            if (!socket.Poll(100_000, SelectMode.SelectRead))
            {
                continue;
            }

            int read = socket.Receive(buffer, got, count - got, SocketFlags.None);
            if (read == 0)
            {
                return false;
            }

            got += read;
        }

        return true;
    }
}
