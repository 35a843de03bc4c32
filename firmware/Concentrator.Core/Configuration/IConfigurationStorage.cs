namespace Concentrator.Core.Configuration
{
    /// <summary>
    /// Where configuration copies live: files on the board's flash file system (littlefs, I:\) or in a desktop
    /// directory. Names are plain file names; the implementation puts them in its folder. Every call reports failure
    /// instead of throwing. A write cut by a power loss may leave any prefix of the data behind.
    /// </summary>
    public interface IConfigurationStorage
    {
        /// <summary>The whole content of the named file, or null when it is absent or cannot be read.</summary>
        byte[] Read(string name);

        /// <summary>Creates or overwrites the named file with <paramref name="count"/> bytes. False on failure.</summary>
        bool Write(string name, byte[] data, int count);

        /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, replacing <paramref name="to"/>. False on failure.</summary>
        bool Move(string from, string to);

        /// <summary>Removes the named file if it exists.</summary>
        void Delete(string name);
    }
}
