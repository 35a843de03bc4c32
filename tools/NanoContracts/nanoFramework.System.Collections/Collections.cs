namespace System.Collections
{
    // nanoFramework.System.Collections 1.5.x provides Hashtable, Queue, Stack, DictionaryEntry and IDictionary.
    // None of them is used by the firmware yet, so none is declared here: a member is added only together with its
    // first use and after checking its exact signature in nanoframework/System.Collections (see README.md).
    internal static class CollectionsContractPlaceholder
    {
    }
}
