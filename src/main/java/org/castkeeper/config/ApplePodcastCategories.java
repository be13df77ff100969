package org.castkeeper.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apple Podcasts' category list (podcasters.apple.com/support/1691). Apple ignores a category it does not know, and
 * so the show disappears from browsing: the config is checked against this list at start.
 */
public final class ApplePodcastCategories {
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        add("Arts", "Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts");
        add("Business", "Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit");
        add("Comedy", "Comedy Interviews", "Improv", "Stand-Up");
        add("Education", "Courses", "How To", "Language Learning", "Self-Improvement");
        add("Fiction", "Comedy Fiction", "Drama", "Science Fiction");
        add("Government");
        add("History");
        add("Health & Fitness", "Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality");
        add("Kids & Family", "Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids");
        add(
                "Leisure",
                "Animation & Manga",
                "Automotive",
                "Aviation",
                "Crafts",
                "Games",
                "Hobbies",
                "Home & Garden",
                "Video Games");
        add("Music", "Music Commentary", "Music History", "Music Interviews");
        add(
                "News",
                "Business News",
                "Daily News",
                "Entertainment News",
                "News Commentary",
                "Politics",
                "Sports News",
                "Tech News");
        add(
                "Religion & Spirituality",
                "Buddhism",
                "Christianity",
                "Hinduism",
                "Islam",
                "Judaism",
                "Religion",
                "Spirituality");
        add(
                "Science",
                "Astronomy",
                "Chemistry",
                "Earth Sciences",
                "Life Sciences",
                "Mathematics",
                "Natural Sciences",
                "Nature",
                "Physics",
                "Social Sciences");
        add("Society & Culture", "Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships");
        add(
                "Sports",
                "Baseball",
                "Basketball",
                "Cricket",
                "Fantasy Sports",
                "Football",
                "Golf",
                "Hockey",
                "Rugby",
                "Running",
                "Soccer",
                "Swimming",
                "Tennis",
                "Volleyball",
                "Wilderness",
                "Wrestling");
        add("Technology");
        add("True Crime");
        add("TV & Film", "After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews");
    }

    private ApplePodcastCategories() {}

    private static void add(String category, String... subcategories) {
        CATEGORIES.put(category, List.of(subcategories));
    }

    public static boolean isCategory(String name) {
        return CATEGORIES.containsKey(name);
    }

    public static boolean isSubcategory(String category, String subcategory) {
        return CATEGORIES.getOrDefault(category, List.of()).contains(subcategory);
    }

    public static List<String> subcategories(String category) {
        return CATEGORIES.getOrDefault(category, List.of());
    }

    public static List<String> categories() {
        return List.copyOf(CATEGORIES.keySet());
    }
}
