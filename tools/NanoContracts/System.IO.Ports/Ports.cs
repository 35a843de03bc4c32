namespace System.IO.Ports
{
    // Mirrors nanoFramework.System.IO.Ports 1.1.x: no Discard*/Flush, no Parity.Mark/Space.
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { }
        public void Open() { }
        public void Close() { }
        public static string[] GetPortNames() { throw null; }
        public int BaudRate { get { throw null; } set { } }
        public Handshake Handshake { get { throw null; } set { } }
        public int DataBits { get { throw null; } set { } }
        public Parity Parity { get { throw null; } set { } }
        public SerialMode Mode { get { throw null; } set { } }
        public StopBits StopBits { get { throw null; } set { } }
        public string PortName { get { throw null; } }
        public char WatchChar { get { throw null; } set { } }
        public bool IsOpen { get { throw null; } }
        public string NewLine { get { throw null; } set { } }
        public int ReadTimeout { get { throw null; } set { } }
        public int WriteTimeout { get { throw null; } set { } }
        public int ReceivedBytesThreshold { get { throw null; } set { } }
        public Stream BaseStream { get { throw null; } }
        public int BytesToRead { get { throw null; } }
        public bool InvertSignalLevels { get { throw null; } set { } }
        public int ReadBufferSize { get { throw null; } set { } }
        public int WriteBufferSize { get { throw null; } set { } }
        public event SerialDataReceivedEventHandler DataReceived { add { } remove { } }
        public int Read(byte[] buffer, int offset, int count) { throw null; }
        public int ReadByte() { throw null; }
        public string ReadExisting() { throw null; }
        public string ReadLine() { throw null; }
        public void Write(byte[] buffer, int offset, int count) { }
        public void WriteByte(byte value) { }
        public void Write(string text) { }
        public void WriteLine(string text) { }
        public void Dispose() { }
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }

    public enum SerialMode
    {
        Normal,
        RS485,
    }

    public enum SerialData
    {
        Chars = 1,
        WatchChar = 2,
    }

    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs() { }
        public SerialData EventType { get { throw null; } }
    }

    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);
}
