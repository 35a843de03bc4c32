using System;
using System.IO;
using System.Text.RegularExpressions;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly.Heap
{
    /// <summary>
    /// Instance fields of App and Drivers classes counted from their source (those classes are nanoFramework-only and
    /// cannot be constructed here): fields and auto-properties that are neither static nor const. A class that gains a
    /// field grows in the heap table without anyone updating a number.
    /// </summary>
    public static class AppSource
    {
        private static readonly Regex Field = new Regex(
            @"^\s+(?:(?:public|private|internal|protected|readonly|volatile)\s+)+[\w\.\[\]<>,]+\s+_?\w+\s*(?:=[^>]|;)", RegexOptions.Multiline);

        private static readonly Regex AutoProperty = new Regex(
            @"^\s+(?:(?:public|private|internal|protected)\s+)+[\w\.\[\]<>,]+\s+\w+\s*\{\s*get;", RegexOptions.Multiline);

        private static readonly Regex Excluded = new Regex(@"\b(static|const)\b");

        public static string RepositoryRoot()
        {
            string directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "Concentrator.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            if (directory == null)
            {
                throw new InvalidOperationException("Concentrator.sln not found above " + AppContext.BaseDirectory);
            }

            return directory;
        }

        /// <summary>Instance fields (incl. auto-property backing fields) of the class in <paramref name="relativePath"/>.</summary>
        public static int InstanceFields(string relativePath)
        {
            string text = File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath));
            int count = 0;
            foreach (Match match in Field.Matches(text))
            {
                if (!Excluded.IsMatch(match.Value))
                {
                    count++;
                }
            }

            foreach (Match match in AutoProperty.Matches(text))
            {
                if (!Excluded.IsMatch(match.Value))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Bytes of one instance of the class in <paramref name="relativePath"/> itself (header + one block per field).</summary>
        public static int ObjectBytes(string relativePath)
        {
            return (InstanceFields(relativePath) + 1) * NanoHeapModel.Block;
        }
    }
}
