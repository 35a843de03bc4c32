using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Host.Simulation.Dlms;

namespace Concentrator.Host.Simulation.Hdlc;

/// <summary>
/// An RS485 bus of simulated DLMS meters behind one TCP endpoint, the way a serial-to-TCP converter serves a real bus:
/// the client's HDLC frames go to every meter, the one whose address matches answers, the others stay silent (as do
/// addresses nobody has). Answers are paced at the bus's line rate. Every meter has its own <see cref="HdlcFaultPlan"/>.
/// Several connections share the meters (a bus has one state), one frame at a time.
/// </summary>
public sealed class SimulatedHdlcBus : SimulatedTcpServer
{
    private readonly List<HdlcServerStation> _stations = new();
    private readonly object _busLock = new();
    private readonly LineSettings _line;
    private long _framesReceived;
    private long _framesForNobody;
    private long _lineErrors;

    /// <param name="line">The bus's framing, for pacing the answers (baud rate 0: no pacing).</param>
    public SimulatedHdlcBus(LineSettings line)
        : base("HDLC bus")
    {
        _line = line;
    }

    public IReadOnlyList<HdlcServerStation> Meters => _stations;

    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>Good frames addressed to no meter on the bus.</summary>
    public long FramesForNobody => Interlocked.Read(ref _framesForNobody);

    /// <summary>Frames that failed a check (bad FCS, truncated, …) on the way in.</summary>
    public long LineErrors => Interlocked.Read(ref _lineErrors);

    /// <summary>Puts a meter on the bus (before <see cref="Start"/>).</summary>
    public HdlcServerStation AddMeter(HdlcAddress address, IApduHandler handler, int maxInformationLength = HdlcLinkParameters.DefaultMaxInformationLength)
    {
        lock (_busLock)
        {
            foreach (HdlcServerStation station in _stations)
            {
                if (station.Address.SameAs(address))
                {
                    throw new ArgumentException("HDLC address " + address + " is already on the bus", nameof(address));
                }
            }

            var added = new HdlcServerStation(address, handler, maxInformationLength);
            _stations.Add(added);
            return added;
        }
    }

    protected override string Serve(int id, Socket socket, CancellationToken token)
    {
        var decoder = new HdlcFrameDecoder(HdlcFrameEncoder.MaxLength);
        var pacer = new WireRatePacer(_line);
        byte[] input = new byte[4096];
        byte[] output = new byte[HdlcFrameEncoder.MaxLength + 2];
        socket.ReceiveTimeout = 0;
        while (!token.IsCancellationRequested)
        {
            if (!socket.Poll(100_000, SelectMode.SelectRead))
            {
                continue;
            }

            int read = socket.Receive(input);
            if (read == 0)
            {
                return "closed by the client";
            }

            int offset = 0;
            while (offset < read)
            {
                HdlcDecodeStatus status = decoder.Feed(input, offset, read - offset, out int consumed);
                offset += consumed;
                if (status == HdlcDecodeStatus.NeedMoreData)
                {
                    continue;
                }

                if (status != HdlcDecodeStatus.FrameReady)
                {
                    Interlocked.Increment(ref _lineErrors);
                    Report("HDLC bus: " + decoder.DescribeLastFailure());
                    continue;
                }

                Interlocked.Increment(ref _framesReceived);
                int length = Answer(decoder.Frame, output);
                if (length > 0)
                {
                    pacer.Send(socket, output, 0, length, SendTimeout, token);
                }
            }
        }

        return "closed";
    }

    private int Answer(HdlcFrame frame, byte[] output)
    {
        lock (_busLock)
        {
            foreach (HdlcServerStation station in _stations)
            {
                if (station.Address.SameAs(frame.Destination))
                {
                    return station.Handle(frame, output);
                }
            }
        }

        Interlocked.Increment(ref _framesForNobody);
        return 0;
    }
}
