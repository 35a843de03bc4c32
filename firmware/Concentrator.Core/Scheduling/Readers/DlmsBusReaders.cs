using System;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Scheduling.Readers
{
    /// <summary>
    /// The scheduler readers of the DLMS/COSEM meters on one RS485 bus, sized for a small heap. The meters of a bus are
    /// read one at a time (the scheduler runs a port's meters in turn, the arbiter refuses a second session), so they
    /// share what one read needs: one reading set, and per password one <see cref="DlmsClient"/> with one
    /// <see cref="DlmsPollerScratch"/>; a meter keeps only its objects and scaler_units (<see cref="DlmsMeterPoller"/>)
    /// and its place on the bus. The firmware's RS485 port builds its readers here; the heap model measures the same.
    /// </summary>
    public sealed class DlmsBusReaders
    {
        /// <summary>Objects read per meter (OBJ lists longer than this are refused with a message).</summary>
        public const int MaxObjects = 16;

        /// <summary>
        /// Entries of a meter's object list kept while its configured objects are resolved (columns of 11 bytes an
        /// entry, shared by the bus). Meters list 50 to a few hundred objects; a configured object beyond this many
        /// entries is reported as such.
        /// </summary>
        public const int CatalogueCapacity = 256;

        /// <summary>
        /// Attributes per GET-with-list call: 16 objects with their scaler_units are 32 (an extended register adds its
        /// capture time; what does not fit goes into a further call).
        /// </summary>
        public const int MaxAttributesPerCall = 2 * MaxObjects;

        /// <summary>
        /// Room for one call's data, block transfers reassembled. The largest is the association's object list, read
        /// once per meter to resolve its objects: the simulated meter's is 4.5 KB (4096 bytes, the size the firmware
        /// used before, failed it with "response too large"). A list over this fails the same way, naming the limit.
        /// </summary>
        public const int DataBufferBytes = 8192;

        /// <summary>client-max-receive-pdu-size proposed to the meters.</summary>
        public const int MaxReceivePdu = 512;

        /// <summary>Readings of one read: the objects and the clock; text for their values and units.</summary>
        public const int ReadingCapacity = 2 * MaxObjects;
        public const int TextCapacity = 1024;

        private readonly MeterBusArbiter _bus;
        private readonly BusMemberTransport _transport;
        private readonly ReadingSet _readings = new ReadingSet(ReadingCapacity, TextCapacity);
        private readonly DlmsClient[] _clients;
        private readonly DlmsPollerScratch[] _scratches;
        private readonly string[] _passwords;
        private int _clientCount;

        /// <param name="meters">how many meters will be added (bounds the distinct passwords)</param>
        public DlmsBusReaders(MeterBusArbiter bus, int meters)
        {
            if (bus == null)
            {
                throw new ArgumentNullException("bus");
            }

            if (meters < 1 || meters > MeterBusArbiter.MaxMeters)
            {
                throw new ArgumentOutOfRangeException("meters", "a bus carries 1 to " + MeterBusArbiter.MaxMeters.ToString() + " meters, not " + meters.ToString());
            }

            _bus = bus;
            _transport = new BusMemberTransport(bus);
            _clients = new DlmsClient[meters];
            _scratches = new DlmsPollerScratch[meters];
            _passwords = new string[meters];
        }

        /// <summary>The reading set every reader of the bus fills (one read at a time).</summary>
        public ReadingSet Readings
        {
            get { return _readings; }
        }

        /// <summary>DLMS clients made so far: one per distinct meter password.</summary>
        public int ClientCount
        {
            get { return _clientCount; }
        }

        /// <summary>
        /// Puts <paramref name="meter"/> on the bus (ADDR logical/physical, BAUD caps the line, MPWD low-level
        /// security, OBJ its objects) and returns its reader; null when the meter cannot be read, with the reason in
        /// <paramref name="problem"/>. <paramref name="link"/> describes the line and the address ("9600 8N1 HDLC 1/1234").
        /// </summary>
        public IMeterReader Add(MeterDefinition meter, out string problem, out string link)
        {
            if (meter == null)
            {
                throw new ArgumentNullException("meter");
            }

            return Add(meter, meter.Address, out problem, out link);
        }

        /// <summary>
        /// As <see cref="Add(MeterDefinition, out string, out string)"/> with the HDLC address given apart from the meter's
        /// ADDR (a bus behind a serial-to-TCP converter: ADDR is HOST:PORT/logical/physical).
        /// </summary>
        public IMeterReader Add(MeterDefinition meter, string hdlcAddress, out string problem, out string link)
        {
            if (meter == null)
            {
                throw new ArgumentNullException("meter");
            }

            link = null;
            HdlcAddress server;
            if (!HdlcAddress.TryParse(hdlcAddress, out server))
            {
                problem = (meter.Port == MeterPort.Rs485 ? "RS485 meter needs ADDR=logical/physical (e.g. 1/1234), got '" : "HDLC meter needs ADDR=HOST:PORT/logical/physical (e.g. 10.0.0.5:4001/1/1234), got '")
                    + meter.Address + "'";
                return null;
            }

            int client = ClientFor(meter.Password);
            if (client < 0)
            {
                problem = "more meters than the " + _clients.Length.ToString() + " this bus was built for";
                return null;
            }

            DlmsMeterPoller poller = new DlmsMeterPoller(_clients[client], _scratches[client], MaxObjects);
            string objects = poller.Configure(meter.Objects);
            if (objects != null)
            {
                problem = "OBJ: " + objects;
                return null;
            }

            LineSettings line = new LineSettings(meter.BaudCap > 0 ? meter.BaudCap : 9600, 8, LineParity.None, 1, false);
            bool password = meter.Password.Length > 0;
            int member;
            try
            {
                member = _bus.Add(server, HdlcAddress.Client(password ? HdlcAddress.PasswordClient : HdlcAddress.PublicClient), line);
            }
            catch (ArgumentException ex)
            {
                problem = ex.Message;
                return null;
            }

            problem = null;
            link = line.ToString() + " HDLC " + server.ToString();
            return new DlmsMeterReader(poller, _readings, _transport, member, _bus.Clock);
        }

        // The client (and its scratch) of a password: its buffers are the largest part of a DLMS reader.
        private int ClientFor(string password)
        {
            for (int c = 0; c < _clientCount; c++)
            {
                if (_passwords[c] == password)
                {
                    return c;
                }
            }

            if (_clientCount == _clients.Length)
            {
                return -1;
            }

            DlmsClientOptions options = new DlmsClientOptions();
            options.Authentication = password.Length > 0 ? DlmsAuthentication.Low : DlmsAuthentication.None;
            options.Password = password;
            options.DataBufferSize = DataBufferBytes;
            options.MaxReceivePduSize = MaxReceivePdu;
            options.MaxAttributesPerCall = MaxAttributesPerCall;
            DlmsClient client = new DlmsClient(_transport, options);
            _clients[_clientCount] = client;
            _scratches[_clientCount] = new DlmsPollerScratch(new CosemObjectReader(client, 1), MaxObjects, CatalogueCapacity);
            _passwords[_clientCount] = password;
            return _clientCount++;
        }
    }
}
