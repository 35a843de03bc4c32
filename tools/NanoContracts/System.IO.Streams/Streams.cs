using System.Text;

namespace System.IO
{
    public class MemoryStream : Stream
    {
        public MemoryStream() { }
        public MemoryStream(byte[] buffer) { }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int ReadByte() { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { }
        public virtual byte[] ToArray() { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void WriteByte(byte value) { }
    }

    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        protected TextReader() { }
        public virtual void Close() { }
        public void Dispose() { }
        public virtual int Peek() { throw null; }
        public virtual int Read() { throw null; }
        public virtual string ReadLine() { throw null; }
        public virtual string ReadToEnd() { throw null; }
    }

    public class StreamReader : TextReader
    {
        public StreamReader(Stream stream) { }
        public virtual Stream BaseStream { get { throw null; } }
        public virtual Encoding CurrentEncoding { get { throw null; } }
        public bool EndOfStream { get { throw null; } }
        public override int Peek() { throw null; }
        public override int Read() { throw null; }
        public override string ReadLine() { throw null; }
        public override string ReadToEnd() { throw null; }
    }
}
