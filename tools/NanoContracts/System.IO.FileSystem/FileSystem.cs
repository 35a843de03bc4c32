namespace System.IO
{
    // ESP32: internal flash (littlefs) is I:\, SD card is D:\.
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileAttributes
    {
        ReadOnly = 0x01,
        Hidden = 0x02,
        System = 0x04,
        Directory = 0x10,
        Archive = 0x20,
        Normal = 0x80,
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { }
        public FileStream(string path, FileMode mode, FileAccess access) { }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { } }
        public string Name { get { throw null; } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
    }

    public static class File
    {
        public static void Copy(string sourceFileName, string destFileName) { }
        public static void Copy(string sourceFileName, string destFileName, bool overwrite) { }
        public static FileStream Create(string path) { throw null; }
        public static void Delete(string path) { }
        public static bool Exists(string path) { throw null; }
        public static FileAttributes GetAttributes(string path) { throw null; }
        public static DateTime GetLastWriteTime(string path) { throw null; }
        public static void Move(string sourceFileName, string destFileName) { }
        public static FileStream OpenRead(string path) { throw null; }
        public static StreamReader OpenText(string path) { throw null; }
        public static FileStream OpenWrite(string path) { throw null; }
        public static byte[] ReadAllBytes(string path) { throw null; }
        public static string ReadAllText(string path) { throw null; }
        public static void SetAttributes(string path, FileAttributes fileAttributes) { }
        public static void WriteAllBytes(string path, byte[] bytes) { }
        public static void WriteAllText(string path, string contents) { }
    }

    public static class Directory
    {
        // Returns void in some 1.x releases and DirectoryInfo in others: declared void so no code depends on it.
        public static void CreateDirectory(string path) { }
        public static bool Exists(string path) { throw null; }
        public static void Delete(string path, bool recursive = false) { }
        public static string[] GetFiles(string path) { throw null; }
        public static string[] GetDirectories(string path) { throw null; }
    }

    public static class Path
    {
        public static string Combine(string path1, string path2) { throw null; }
        public static string GetDirectoryName(string path) { throw null; }
        public static string GetExtension(string path) { throw null; }
        public static string GetFileName(string path) { throw null; }
        public static string GetFileNameWithoutExtension(string path) { throw null; }
        public static string GetPathRoot(string path) { throw null; }
    }
}
