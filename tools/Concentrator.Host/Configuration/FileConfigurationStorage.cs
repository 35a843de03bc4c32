using Concentrator.Core.Configuration;

namespace Concentrator.Host.Configuration;

/// <summary>
/// Configuration copies as files in one desktop directory. Writes go through a flushed file stream; a move replaces
/// its target atomically (rename on the same file system), as littlefs does on the board.
/// </summary>
public sealed class FileConfigurationStorage : IConfigurationStorage
{
    private readonly string _directory;

    public FileConfigurationStorage(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    public byte[]? Read(string name)
    {
        try
        {
            string path = PathOf(name);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public bool Write(string name, byte[] data, int count)
    {
        try
        {
            Directory.CreateDirectory(_directory);
            using var stream = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.None);
            stream.Write(data, 0, count);
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public bool Move(string from, string to)
    {
        try
        {
            File.Move(PathOf(from), PathOf(to), overwrite: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Delete(string name)
    {
        try
        {
            File.Delete(PathOf(name));
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string PathOf(string name) => Path.Combine(_directory, name);
}
