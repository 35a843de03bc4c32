using System;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;
using Concentrator.Core.Timing;
using Concentrator.Core.Wrapper;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// The readers of one polled TCP endpoint (<see cref="TcpEndpoint"/>) over its one connection, as the board builds
    /// them (and the desktop tests, against the simulators): what meters of one protocol can share is made once (the
    /// IEC 62056-21 session; the HDLC bus arbiter and one DLMS client per password), the rest per meter (a wrapper
    /// meter's transport and client for its wPort, an SML pull session, a DSMR reader). Meters are read one at a time
    /// by the endpoint's <see cref="PortScheduler"/>.
    /// </summary>
    public sealed class TcpEndpointReaders
    {
        private readonly IByteLink _link;
        private readonly IMillisecondClock _clock;
        private readonly IScheduleClock _scheduleClock;
        private readonly BoardReaderOptions _options;
        private readonly int _meters;
        private IecMeterReader _iec;
        private DlmsBusReaders _bus;

        /// <param name="meters">How many meters the endpoint has (sizes the shared parts).</param>
        public TcpEndpointReaders(IByteLink link, IMillisecondClock clock, IScheduleClock scheduleClock, BoardReaderOptions options, int meters)
        {
            if (link == null || clock == null || scheduleClock == null || options == null)
            {
                throw new ArgumentNullException("link");
            }

            _link = link;
            _clock = clock;
            _scheduleClock = scheduleClock;
            _options = options;
            _meters = meters < 1 ? 1 : meters;
        }

        /// <summary>
        /// The reader of a meter the <see cref="TcpEndpointPlan"/> put on this endpoint. Throws
        /// <see cref="ArgumentException"/> with the reason when the meter cannot be read (an OBJ list the poller refuses,
        /// an HDLC address the bus has already).
        /// </summary>
        public IMeterReader ReaderFor(MeterDefinition meter)
        {
            switch (meter.Protocol)
            {
                case MeterProtocol.Iec62056_21:
                    return Iec();
                case MeterProtocol.DlmsHdlc:
                    return Hdlc(meter, TargetOf(meter));
                case MeterProtocol.DlmsWrapper:
                    return Wrapper(meter, TargetOf(meter));
                case MeterProtocol.Sml:
                    SmlClientOptions sml = new SmlClientOptions();
                    return new SmlPullMeterReader(new SmlClientSession(_link, new SmlFileDecoder(new SmlDecoderOptions()), sml), sml);
                default:
                    return new P1MeterReader(_link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), _scheduleClock, 100, 512);
            }
        }

        private static string TargetOf(MeterDefinition meter)
        {
            string host;
            int port;
            string target;
            TcpAddress.TryParse(meter.Address, out host, out port, out target);
            return target;
        }

        // One session for every IEC meter of the endpoint (read one at a time). A serial-to-TCP converter cannot follow
        // a baud change, so the readout stays at the converter's speed (the acknowledgement asks for baud '0').
        private IMeterReader Iec()
        {
            if (_iec == null)
            {
                IecSessionOptions template = new IecSessionOptions();
                template.PortMaximumBaud = 300;
                IecSession session = new IecSession(_link, _clock, new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(_meters));
                _iec = new IecMeterReader(session, template);
            }

            return _iec;
        }

        // The meters of an RS485 bus behind the converter, as on the board's own bus: one arbiter, one HDLC session, and
        // the bus's shared reading set and DLMS client per password (DlmsBusReaders).
        private IMeterReader Hdlc(MeterDefinition meter, string target)
        {
            if (_bus == null)
            {
                _bus = new DlmsBusReaders(new MeterBusArbiter(_link, _clock, new HdlcSessionOptions()), _meters);
            }

            string problem;
            string link;
            IMeterReader reader = _bus.Add(meter, target, out problem, out link);
            if (reader == null)
            {
                throw new ArgumentException(problem);
            }

            return reader;
        }

        // A meter behind the wrapper: its own transport (its wPort) over the endpoint's connection.
        private IMeterReader Wrapper(MeterDefinition meter, string target)
        {
            WrapperTransportOptions options = new WrapperTransportOptions();
            options.ClientPort = meter.Password.Length > 0 ? HdlcAddress.PasswordClient : HdlcAddress.PublicClient;
            options.ServerPort = 1;
            if (target.Length > 0)
            {
                int port;
                if (!Configuration.ConfigValues.TryParseNumber(target, 1, 65535, out port))
                {
                    throw new ArgumentException("ADDR: expected HOST:PORT or HOST:PORT/WPORT, got '" + meter.Address + "'");
                }

                options.ServerPort = port;
            }

            options.ResponseTimeoutMilliseconds = _options.WrapperResponseMilliseconds;
            WrapperTransport transport = new WrapperTransport(_link, _clock, options);
            return new DlmsMeterReader(Poller(_options.NewDlmsClient(transport, meter.Password), meter), NewReadings(), null, -1, _clock);
        }

        private DlmsMeterPoller Poller(DlmsClient client, MeterDefinition meter)
        {
            DlmsMeterPoller poller = _options.NewDlmsPoller(client);
            string objects = poller.Configure(meter.Objects);
            if (objects != null)
            {
                throw new ArgumentException("OBJ: " + objects);
            }

            return poller;
        }

        private ReadingSet NewReadings()
        {
            return new ReadingSet(_options.DlmsMaxObjects * 2, 1024);
        }
    }
}
