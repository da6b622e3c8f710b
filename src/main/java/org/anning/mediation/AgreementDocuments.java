package org.anning.mediation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.anning.audit.AuditAction;
import org.anning.audit.AuditTrail;
import org.anning.units.Organisation;
import org.anning.units.UnitId;
import org.anning.units.UnitScope;
import org.anning.web.ConflictException;
import org.anning.web.PdfDocuments;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printable agreement (调解协议书) of a dispute's latest agreement, in Chinese whatever the reader's language:
 * the parties with their roles and contacts, what the dispute was about, the terms (who does what by when), the
 * follow-up, and signature lines for every party and every mediator. It carries the parties' personal data, so
 * printing it is an export audited with the purpose DISPUTE.
 */
@Component
public class AgreementDocuments {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final float MARGIN = 60;

	static final float SIZE = 11.5f;

	static final float LEADING = 19;

	private final Disputes disputes;

	private final Organisation organisation;

	private final AuditTrail audit;

	private final MessageSource messages;

	AgreementDocuments(Disputes disputes, Organisation organisation, AuditTrail audit, MessageSource messages) {
		this.disputes = disputes;
		this.organisation = organisation;
		this.audit = audit;
		this.messages = messages;
	}

	/** The PDF of the dispute's latest agreement; 409 when it has none (and 404 outside the scope). */
	@Transactional
	public byte[] agreement(String reference, UnitScope scope) {
		Dispute d = disputes.get(reference, scope);
		List<Agreement> agreements = disputes.agreements(d);
		if (agreements.isEmpty()) {
			throw new ConflictException("mediation.agreement.none", d.reference());
		}
		Agreement a = agreements.get(agreements.size() - 1);
		List<OpenedParty> parties = disputes.opened(d);
		audit.record(disputes.read(d, AuditAction.EXPORT).detail("AGREEMENT_PDF"));
		String unit = organisation.find(new UnitId(d.unit())).map(u -> u.name(CHINESE)).orElse("");
		try {
			return render(d, a, parties, disputes.mediators(d), unit);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, CHINESE);
	}

	private byte[] render(Dispute d, Agreement a, List<OpenedParty> parties, List<Mediator> mediators, String unit)
			throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(text("mediation.pdf.title") + " " + d.reference());
			info.setCreator("Anning");
			PDFont font = PdfDocuments.font(document);
			var writer = new Writer(document, font);
			writer.centred(text("mediation.pdf.title"), 20);
			writer.gap(6);
			writer.right(text("mediation.pdf.reference", d.reference()));
			writer.paragraph(text("mediation.pdf.unit", unit));
			writer.gap(4);
			for (OpenedParty p : parties) {
				String role = text(p.role().messageKey());
				writer.paragraph(p.contact() == null ? text("mediation.pdf.party", role, p.name())
						: text("mediation.pdf.partyWithContact", role, p.name(), p.contact()));
			}
			writer.gap(4);
			writer.paragraph(text("mediation.pdf.category", text(d.category().messageKey())));
			writer.paragraph(text("mediation.pdf.account", d.account()));
			writer.gap(4);
			writer.paragraph(text("mediation.pdf.termsIntro"));
			int i = 1;
			for (Term t : a.terms()) {
				writer.paragraph(t.dueBy() == null ? text("mediation.pdf.term", i++, t.party(), t.obligation())
						: text("mediation.pdf.termBy", i++, t.party(), t.dueBy().toString(), t.obligation()));
			}
			writer.gap(4);
			writer.paragraph(text("mediation.pdf.effect"));
			writer.paragraph(text("mediation.pdf.followUp", a.followUpDue().toString()));
			writer.paragraph(text("mediation.pdf.copies", parties.size() + 1));
			writer.gap(14);
			for (OpenedParty p : parties) {
				writer.paragraph(text("mediation.pdf.signParty", text(p.role().messageKey()), p.name()));
				writer.gap(8);
			}
			if (mediators.isEmpty()) {
				writer.paragraph(text("mediation.pdf.signMediatorBlank"));
				writer.gap(8);
			}
			for (Mediator m : mediators) {
				writer.paragraph(text("mediation.pdf.signMediator", text(m.kind().messageKey()), m.name()));
				writer.gap(8);
			}
			writer.gap(8);
			writer.right(text("mediation.pdf.seal", unit));
			writer.right(text("mediation.pdf.date", a.agreedOn().toString()));
			writer.close();
			PdfDocuments.numberPages(document, font, 9, 30, (n, of) -> text("mediation.pdf.page", n, of));
			return PdfDocuments.bytes(document);
		}
	}

	/** Lays out lines top to bottom, starting a new A4 page when one is full. */
	private static final class Writer {

		private final PDDocument document;

		private final PDFont font;

		private PDPageContentStream content;

		private float y;

		Writer(PDDocument document, PDFont font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		private void newPage() throws IOException {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PdfDocuments.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = PdfDocuments.A4.getHeight() - MARGIN;
		}

		private float width() {
			return PdfDocuments.A4.getWidth() - 2 * MARGIN;
		}

		private void line(String text, float size, float x) throws IOException {
			if (y < MARGIN + LEADING) {
				newPage();
			}
			y -= LEADING * size / SIZE;
			PdfDocuments.text(content, font, size, x, y, text);
		}

		void paragraph(String text) throws IOException {
			for (String line : PdfDocuments.wrap(text, font, SIZE, width())) {
				line(line, SIZE, MARGIN);
			}
		}

		void centred(String text, float size) throws IOException {
			String printable = PdfDocuments.printable(text, font);
			line(printable, size, (PdfDocuments.A4.getWidth() - PdfDocuments.width(printable, font, size)) / 2);
		}

		void right(String text) throws IOException {
			List<String> lines = new ArrayList<>(PdfDocuments.wrap(text, font, SIZE, width()));
			for (String l : lines) {
				line(l, SIZE, PdfDocuments.A4.getWidth() - MARGIN - PdfDocuments.width(l, font, SIZE));
			}
		}

		void gap(float points) {
			y -= points;
		}

		void close() throws IOException {
			content.close();
		}
	}
}
