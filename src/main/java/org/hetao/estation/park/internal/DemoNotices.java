package org.hetao.estation.park.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.hetao.estation.shared.LocalizedText;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A few illustrative notices on the embedded demo database, so the home page has something to show. */
@Component
@ConditionalOnProperty(name = "estation.demo.enabled", havingValue = "true")
@Order(40)
class DemoNotices implements ApplicationRunner {

	/** A demo notice: published {@code daysAgo} days before today, expiring {@code daysLeft} days after it. */
	private record Demo(NoticeCategory category, LocalizedText title, LocalizedText body, int daysAgo, int daysLeft) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo(NoticeCategory.CROSS_BORDER_TRANSPORT,
					LocalizedText.of("福田口岸通關時間（示意）", "福田口岸通关时间（示意）", "Futian Port opening hours (illustrative)"),
					LocalizedText.of("福田口岸旅檢通道每日6:30至22:30開放；園區接駁巴士每15分鐘一班，由e站通綜合服務中心開出。",
							"福田口岸旅检通道每日6:30至22:30开放；园区接驳巴士每15分钟一班，由e站通综合服务中心开出。",
							"The Futian Port passenger hall is open daily 06:30-22:30; the park shuttle bus leaves the e-Station centre every 15 minutes."),
					1, 60),
			new Demo(NoticeCategory.DINING_AMENITIES,
					LocalizedText.of("園區餐廳延長營業（示意）", "园区餐厅延长营业（示意）", "Park canteen opens longer (illustrative)"),
					LocalizedText.of("國際生物醫藥產業園（二期）餐廳平日營業至晚上9時，接受港幣電子支付。",
							"国际生物医药产业园（二期）餐厅平日营业至晚上9时，接受港币电子支付。",
							"The canteen of the Biomedicine Park II is open until 21:00 on weekdays and accepts HKD e-payment."),
					3, 30),
			new Demo(NoticeCategory.SAFETY,
					LocalizedText.of("颱風季節安全提示（示意）", "台风季节安全提示（示意）", "Typhoon season safety (illustrative)"),
					LocalizedText.of("八號風球或以上時，跨境接駁巴士暫停，請留意e站通公告。",
							"八号风球或以上时，跨境接驳巴士暂停，请留意e站通公告。",
							"When signal No. 8 or higher is hoisted the cross-border shuttle stops; watch e-Station notices."),
					1, 90));

	private final Notices notices;

	private final Clock clock;

	DemoNotices(Notices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (notices.anyPublishedBy("demo")) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		for (Demo demo : DEMOS) {
			notices.publish(demo.category(), demo.title(), demo.body(), today.minusDays(demo.daysAgo()),
					today.plusDays(demo.daysLeft()), "demo");
		}
	}

}
