"""Reading Chinese in context: segmentation and pinyin.

``segmenter`` cuts text into words (jieba, with the glossary as user words); ``pinyin``
is the converter (``PinyinConverter``: pypinyin on the whole sentence, the g2pM model
of ``g2pm`` for polyphonic characters no phrase covers); ``style`` writes syllables
(tone marks, numbers, word orthography); ``pypinyin_tables`` serves pypinyin its
dictionaries from tables built once per machine.
"""
