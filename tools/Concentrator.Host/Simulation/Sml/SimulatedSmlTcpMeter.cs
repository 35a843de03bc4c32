using System;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Sml;

namespace Concentrator.Host.Simulation.Sml;

/// <summary>
/// A simulated SML meter (or E750 communication module) answering pulls over TCP: each request file that carries an
/// SML_GetList.Req, read by Core's own decoder, is answered with Open.Res, GetList.Res (same transaction id) and
/// Close.Res, with the meter's faults. A request that fails its checks gets no answer, as a real module drops it.
/// </summary>
public sealed class SimulatedSmlTcpMeter : SimulatedTcpServer
{
    /// <summary>How often a waiting session looks at the stop signal.</summary>
    private const int ReceivePollMilliseconds = 200;

    private readonly SimulatedSmlMeter _meter;
    private readonly Func<DateTime> _utcClock;
    private readonly object _meterLock = new();
    private long _requests;
    private long _answers;

    public SimulatedSmlTcpMeter(SimulatedSmlMeterOptions options, Func<DateTime>? utcClock = null)
        : base("SML TCP meter")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _utcClock = utcClock ?? (() => DateTime.UtcNow);
        _meter = new SimulatedSmlMeter(options, _utcClock());
    }

    public SimulatedSmlMeter Simulated => _meter;

    /// <summary>GetList requests received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers sent (damaged or not; silent slots not counted).</summary>
    public long Answers => Interlocked.Read(ref _answers);

    protected override string Serve(int id, Socket client, CancellationToken cancellationToken)
    {
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        byte[] buffer = new byte[1024];
        byte[] output = new byte[_meter.MaxTransmissionLength];
        client.ReceiveTimeout = ReceivePollMilliseconds;
        client.SendTimeout = (int)SendTimeout.TotalMilliseconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            int read;
            try
            {
                read = client.Receive(buffer);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }

            if (read == 0)
            {
                return "closed by the client";
            }

            int offset = 0;
            while (offset < read)
            {
                SmlStatus status = decoder.Feed(buffer, offset, read - offset, out int consumed);
                offset += consumed;
                if (status != SmlStatus.FileReady || decoder.Parser.GetListTransactionIdLength == 0)
                {
                    if (status != SmlStatus.NeedMoreData && status != SmlStatus.FileReady)
                    {
                        Report("client " + id + ": request dropped: " + decoder.LastError);
                    }

                    continue;
                }

                Interlocked.Increment(ref _requests);
                byte[] transaction = new byte[decoder.Parser.GetListTransactionIdLength];
                Array.Copy(decoder.LastFile, decoder.Parser.GetListTransactionIdStart, transaction, 0, transaction.Length);
                P1Transmission answer;
                lock (_meterLock)
                {
                    answer = _meter.Answer(_utcClock(), transaction);
                    Buffer.BlockCopy(answer.Buffer, 0, output, 0, answer.Length);
                }

                if (answer.Fault == P1FaultKind.Silence)
                {
                    continue; // this request goes unanswered
                }

                int sent = 0;
                while (sent < answer.Length)
                {
                    sent += client.Send(output, sent, answer.Length - sent, SocketFlags.None);
                }

                Interlocked.Increment(ref _answers);
            }
        }

        return "closed (server stopping)";
    }
}
